import { useTranslation } from 'react-i18next';
import { formatDate } from '../i18n/format';
import { useLanguage } from '../i18n/useLanguage';
import type { Period } from './types';

export function PeriodSummary({ period }: { period: Period }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return <p className="period-summary">{t('period.showing', { from: formatDate(language, period.from), to: formatDate(language, period.to) })}</p>;
}
