import { useTranslation } from 'react-i18next';
import { formatDate } from '../i18n/format';
import { useLanguage } from '../i18n/useLanguage';

const DAY = 86_400_000;

/** Whole calendar days from today to the deadline: negative when it has passed. */
export function daysUntil(deadline: string, today: Date): number {
  const due = Date.parse(`${deadline.slice(0, 10)}T00:00:00Z`);
  const start = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Math.round((due - start) / DAY);
}

export function Deadline({ date, today = new Date() }: { date: string | null; today?: Date }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (!date) return <span>{t('deadline.noDeadline')}</span>;
  const days = daysUntil(date, today);
  const relative =
    days < 0
      ? t('deadline.daysOverdue', { count: -days })
      : days === 0
        ? t('deadline.dueToday')
        : t('deadline.daysLeft', { count: days });
  return (
    <span className={days < 0 ? 'deadline deadline--overdue' : 'deadline'}>
      <time dateTime={date}>{t('deadline.dueOn', { date: formatDate(language, date) })}</time>
      <span className="deadline__relative"> ({relative})</span>
    </span>
  );
}
