import { useTranslation } from 'react-i18next';
import type { PersonalDataStatus } from './types';

/** The person concerned, or why the reader does not see them. */
export function PersonalDataSection({ status, entries }: { status: PersonalDataStatus; entries: { field: string; label: string; value: string }[] | null }) {
  const { t } = useTranslation();
  if (status !== 'VISIBLE' || !entries) return <p className="notice">{t(`personalDataStatus.${status}`)}</p>;
  if (entries.length === 0) return <p className="empty">{t('request.noPersonalData')}</p>;
  return (
    <dl className="overview">
      {entries.map((entry) => (
        <div key={entry.field} className="overview__row">
          <dt>{entry.label}</dt>
          <dd>{entry.value}</dd>
        </div>
      ))}
    </dl>
  );
}
