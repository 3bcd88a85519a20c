import { useTranslation } from 'react-i18next';

/** A download of the figures as the server exports them (`/statistics/*.csv`), for the same reader and period. */
export function CsvLink({ path, params, label }: { path: 'scoreboard.csv' | 'trend.csv' | 'usage.csv'; params: Record<string, string>; label: string }) {
  const { t } = useTranslation();
  return (
    <p className="csv-link">
      <a className="ecl-link ecl-link--standalone" href={`/statistics/${path}?${new URLSearchParams(params).toString()}`} download>
        {t('statistics.downloadCsv', { what: label })}
      </a>
    </p>
  );
}
