import { useTranslation } from 'react-i18next';
import { countryName, formatNumber } from '../i18n/format';
import { useLanguage } from '../i18n/useLanguage';
import { Link } from '../router/Link';
import { pathOf } from '../router/routes';
import { bandStyle } from './bands';
import { DataTable } from './charts/DataTable';
import type { ScoreboardRow } from './types';

/** The map's content as a table: every country, its overall result and score, linking to its page. */
export function OverallTable({ rows, search }: { rows: ScoreboardRow[]; search: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const collator = new Intl.Collator(language);
  const sorted = [...rows].sort((a, b) => collator.compare(countryName(language, a.country), countryName(language, b.country)));
  return (
    <DataTable
      caption={t('scoreboard.overall')}
      rows={sorted}
      rowKey={(row) => row.country}
      columns={[
        {
          header: t('directory.country'),
          cell: (row) => (
            <Link className="ecl-link" href={`${pathOf({ name: 'scoreboardCountry', country: row.country })}${search}`}>
              {countryName(language, row.country)}
            </Link>
          ),
          csv: (row) => row.country,
        },
        { header: t('scoreboard.overall'), cell: (row) => t(bandStyle(row.overall).labelKey), csv: (row) => row.overall ?? '' },
        { header: t('scoreboard.value'), cell: (row) => (row.score === null ? '–' : formatNumber(language, row.score)), csv: (row) => row.score ?? '', numeric: true },
      ]}
    />
  );
}
