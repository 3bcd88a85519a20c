import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/useLanguage';
import { bandStyle } from './bands';
import { ChartWithTable } from './charts/ChartWithTable';
import type { IndicatorReading } from './types';
import { formatIndicatorValue, shownValue } from './values';

interface Comparison {
  reading: IndicatorReading;
  average: number | null;
}

/** A country's five indicators next to the EEA average: a bar per indicator, coloured by band. */
export function CountryIndicators({ readings, averages, raw }: { readings: IndicatorReading[]; averages: IndicatorReading[]; raw: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const noData = t('scoreboard.noData');
  const rows: Comparison[] = readings.map((reading) => ({
    reading,
    average: averages.find((item) => item.indicator === reading.indicator)?.value ?? null,
  }));

  const draw = useCallback(
    (plot: typeof import('@observablehq/plot'), width: number) => {
      const label = (row: Comparison) => t(`indicators.${row.reading.indicator}`);
      const labels = rows.map(label);
      return plot.plot({
        width,
        height: 40 + rows.length * 64,
        marginLeft: 10,
        marginRight: 20,
        x: { grid: true, label: null },
        fy: { domain: labels, axis: null, padding: 0.15 },
        marks: [
          plot.text(labels, { fy: (text: string) => text, text: (text: string) => text, frameAnchor: 'top-left', fontSize: 12, fontWeight: 'bold', dy: 2 }),
          plot.barX(rows.filter((row) => row.reading.value !== null), {
            x: (row: Comparison) => shownValue(row.reading.value ?? 0, raw),
            fy: label,
            fill: (row: Comparison) => bandStyle(row.reading.band).colour,
            insetTop: 20,
            insetBottom: 4,
          }),
          plot.tickX(rows.filter((row) => row.average !== null), {
            x: (row: Comparison) => shownValue(row.average ?? 0, raw),
            fy: label,
            stroke: '#000',
            strokeWidth: 3,
            insetTop: 16,
          }),
          plot.ruleX([0]),
        ],
      });
    },
    [readings, averages, raw, t],
  );

  return (
    <ChartWithTable
      title={t('scoreboard.indicators')}
      headingLevel={2}
      rows={rows}
      rowKey={(row) => row.reading.indicator}
      draw={draw}
      csvName="country-indicators"
      columns={[
        { header: t('scoreboard.indicator'), cell: (row) => t(`indicators.${row.reading.indicator}`), csv: (row) => row.reading.indicator },
        {
          header: t('scoreboard.value'),
          cell: (row) => formatIndicatorValue(language, row.reading.indicator, row.reading.value, raw, noData),
          csv: (row) => row.reading.value ?? '',
          numeric: true,
        },
        { header: t('scoreboard.band'), cell: (row) => t(bandStyle(row.reading.band).labelKey), csv: (row) => row.reading.band ?? '' },
        {
          header: t('scoreboard.eeaAverage'),
          cell: (row) => formatIndicatorValue(language, row.reading.indicator, row.average, raw, noData),
          csv: (row) => row.average ?? '',
          numeric: true,
        },
      ]}
    />
  );
}
