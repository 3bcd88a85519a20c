import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../i18n/format';
import { useLanguage } from '../i18n/useLanguage';
import type { ExchangeKind } from '../reference/types';
import { eventLabel } from '../workflow/labels';
import type { TimelineEvent } from './types';

/** Every step of the exchange: what, when, by whom, and to whom it went. */
export function Timeline({ kind, events }: { kind: ExchangeKind; events: TimelineEvent[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <ol className="timeline">
      {events.map((event) => (
        <li key={event.id} className="timeline__item">
          <p className="timeline__what">{eventLabel(t, kind, event.action, event.label)}</p>
          <p className="timeline__when">
            <time dateTime={event.at}>{formatDateTime(language, event.at)}</time>
            {event.actor.authority && <> {t('request.by', { name: event.actor.name ?? '–', authority: event.actor.authority })}</>}
          </p>
          {event.toAuthority && <p>{t('request.toAuthority', { authority: event.toAuthority })}</p>}
          {event.proposedReplyDate && <p>{t('request.proposedDate')}: {formatDate(language, event.proposedReplyDate)}</p>}
        </li>
      ))}
    </ol>
  );
}
