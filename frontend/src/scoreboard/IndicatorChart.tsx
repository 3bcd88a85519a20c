import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName } from '../i18n/format';
import type { Language } from '../i18n/languages';
import { useLanguage } from '../i18n/useLanguage';
import { bandStyle } from './bands';
import { ChartWithTable } from './charts/ChartWithTable';
import type { Column } from './charts/DataTable';
import type { Band, Indicator, IndicatorReading, ScoreboardRow } from './types';
import { INDICATOR_UNIT_KEYS, formatIndicatorValue, shownValue } from './values';

interface Bar {
  country: string;
  name: string;
  value: number | null;
  band: Band | null;
}

function barsOf(rows: ScoreboardRow[], indicator: Indicator, language: Language): Bar[] {
  return rows
    .map((row) => {
      const reading = row.indicators.find((item) => item.indicator === indicator);
      return { country: row.country, name: countryName(language, row.country), value: reading?.value ?? null, band: reading?.band ?? null };
    })
    .sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity));
}

/** One indicator across all countries: a bar per country, coloured by its band, with the EEA average as a rule. */
export function IndicatorChart({ indicator, rows, average, raw }: { indicator: Indicator; rows: ScoreboardRow[]; average: IndicatorReading | undefined; raw: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const noData = t('scoreboard.noData');
  const bars = useMemo(() => barsOf(rows, indicator, language), [rows, indicator, language]);
  const unit = t(INDICATOR_UNIT_KEYS[indicator]);

  const draw = useCallback(
    (plot: typeof import('@observablehq/plot'), width: number) =>
      plot.plot({
        width,
        height: 24 + bars.length * 18,
        marginLeft: 130,
        x: { label: unit, grid: true },
        y: { label: null, domain: bars.map((bar) => bar.name) },
        marks: [
          plot.barX(bars.filter((bar) => bar.value !== null), {
            x: (bar: Bar) => shownValue(bar.value ?? 0, raw),
            y: 'name',
            fill: (bar: Bar) => bandStyle(bar.band).colour,
          }),
          ...(average?.value != null ? [plot.ruleX([shownValue(average.value, raw)], { stroke: '#000', strokeDasharray: '4 3' })] : []),
          plot.ruleX([0]),
        ],
      }),
    [bars, raw, unit, average],
  );

  const columns: Column<Bar>[] = [
    { header: t('directory.country'), cell: (bar) => bar.name, csv: (bar) => bar.country },
    { header: unit, cell: (bar) => formatIndicatorValue(language, indicator, bar.value, raw, noData), csv: (bar) => bar.value ?? '', numeric: true },
    { header: t('scoreboard.band'), cell: (bar) => t(bandStyle(bar.band).labelKey), csv: (bar) => bar.band ?? '' },
  ];

  return (
    <ChartWithTable
      title={t(`indicators.${indicator}`)}
      rows={bars}
      columns={columns}
      rowKey={(bar) => bar.country}
      draw={draw}
      csvName={`scoreboard-${indicator}`}
    />
  );
}
