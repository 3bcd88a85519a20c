import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from './DataTable';
import { downloadCsv, toCsv } from './csv';
import { PlotChart } from './PlotChart';

type PlotModule = typeof import('@observablehq/plot');

interface ChartWithTableProps<Row> {
  title: string;
  headingLevel?: 2 | 3;
  rows: Row[];
  columns: Column<Row>[];
  rowKey: (row: Row) => string;
  draw: (plot: PlotModule, width: number) => Element;
  csvName: string;
}

/** A chart with the same figures as a table, switchable, and downloadable as CSV. */
export function ChartWithTable<Row>({ title, headingLevel = 3, rows, columns, rowKey, draw, csvName }: ChartWithTableProps<Row>) {
  const { t } = useTranslation();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const headingId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  return (
    <section className="chart-block" aria-labelledby={headingId}>
      <Heading id={headingId} className={headingLevel === 2 ? 'ecl-u-type-heading-2' : 'ecl-u-type-heading-3'}>
        {title}
      </Heading>
      <div className="chart-block__toolbar" role="group" aria-label={t('chart.view')}>
        {(['chart', 'table'] as const).map((option) => (
          <button key={option} type="button" className="ecl-button ecl-button--tertiary" aria-pressed={view === option} onClick={() => setView(option)}>
            {t(`chart.${option}`)}
          </button>
        ))}
        <button
          type="button"
          className="ecl-button ecl-button--tertiary"
          onClick={() => downloadCsv(`${csvName}.csv`, toCsv(columns.map((c) => c.header), rows.map((row) => columns.map((c) => c.csv(row)))))}
        >
          {t('actions.downloadCsv')}
        </button>
      </div>
      {view === 'chart' ? (
        <PlotChart description={t('chart.description', { title })} draw={draw} />
      ) : (
        <DataTable caption={title} columns={columns} rows={rows} rowKey={rowKey} />
      )}
    </section>
  );
}
