import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n/format';
import { useLanguage } from '../i18n/useLanguage';
import type { TimelineEvent } from './types';

export function Timeline({ events }: { events: TimelineEvent[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <ol className="timeline">
      {events.map((event) => (
        <li key={event.id} className="timeline__item">
          <p className="timeline__what">{t(`events.${event.kind}`)}</p>
          <p className="timeline__when">
            <time dateTime={event.at}>{formatDateTime(language, event.at)}</time>{' '}
            {t('request.by', { name: event.actor.name, authority: event.actor.authority })}
          </p>
        </li>
      ))}
    </ol>
  );
}
