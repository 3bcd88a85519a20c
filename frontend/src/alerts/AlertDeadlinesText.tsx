import { useTranslation } from 'react-i18next';
import { formatDate } from '../i18n/format';
import { useLanguage } from '../i18n/useLanguage';
import type { AlertDeadlines } from './types';

/** An alert's legal deadlines, and how late it is, if it is. */
export function AlertDeadlinesText({ deadlines }: { deadlines: AlertDeadlines }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      {deadlines.sendBy && (
        <p className={deadlines.sentLateDays ? 'deadline deadline--overdue' : 'deadline'}>
          {t('alerts.sendWithin', { date: formatDate(language, deadlines.sendBy) })}
          {deadlines.sentLateDays ? ` (${t('deadline.daysOverdue', { count: deadlines.sentLateDays })})` : ''}
        </p>
      )}
      {deadlines.closeBy && (
        <p className={deadlines.closeOverdueDays ? 'deadline deadline--overdue' : 'deadline'}>
          {t('alerts.closeWithin', { date: formatDate(language, deadlines.closeBy) })}
          {deadlines.closeOverdueDays ? ` (${t('deadline.daysOverdue', { count: deadlines.closeOverdueDays })})` : ''}
        </p>
      )}
    </>
  );
}
