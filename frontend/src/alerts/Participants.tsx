import { useTranslation } from 'react-i18next';
import { countryName, formatDateTime } from '../i18n/format';
import { useLanguage } from '../i18n/useLanguage';
import type { BroadcastParticipant } from './types';

/** The authorities the alert or notification reached (as far as the reader may see them), and who acknowledged it. */
export function Participants({ participants }: { participants: BroadcastParticipant[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (participants.length === 0) return <p className="empty">{t('alerts.noParticipants')}</p>;
  return (
    <div className="table-scroll" role="region" aria-label={t('alerts.participants')} tabIndex={0}>
      <table className="ecl-table ecl-table--zebra">
        <caption className="visually-hidden">{t('alerts.participants')}</caption>
        <thead className="ecl-table__head">
          <tr className="ecl-table__row">
            {(['country', 'authority', 'role', 'acknowledged'] as const).map((column) => (
              <th key={column} scope="col" className="ecl-table__header">
                {t(`alerts.column.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="ecl-table__body">
          {participants.map((participant) => (
            <tr key={`${participant.country}-${participant.role}-${participant.authority?.id ?? ''}`} className="ecl-table__row">
              <td className="ecl-table__cell">{countryName(language, participant.country)}</td>
              <td className="ecl-table__cell">{participant.authority ? <span lang={participant.authority.language}>{participant.authority.name}</span> : '–'}</td>
              <td className="ecl-table__cell">{t(`alerts.role.${participant.role}`, { defaultValue: participant.role })}</td>
              <td className="ecl-table__cell">{participant.acknowledgedAt ? formatDateTime(language, participant.acknowledgedAt) : t('alerts.notAcknowledged')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
