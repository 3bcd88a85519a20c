import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format';
import { useLanguage } from '../i18n/useLanguage';
import { ChartWithTable } from './charts/ChartWithTable';
import { INDICATORS, type TrendPoint } from './types';

/** A country's indicators over successive periods: one small line chart per indicator. */
export function TrendChart({ points }: { points: TrendPoint[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const periods = [...new Set(points.map((point) => point.period))].sort();
  const rows = periods.map((period) => ({
    period,
    values: Object.fromEntries(INDICATORS.map((indicator) => [indicator, points.find((p) => p.period === period && p.indicator === indicator)?.value ?? null])),
  }));

  const draw = useCallback(
    (plot: typeof import('@observablehq/plot'), width: number) => {
      const labels = INDICATORS.map((indicator) => t(`indicators.${indicator}`));
      const known = points.filter((point) => point.value !== null).map((point) => ({ ...point, label: t(`indicators.${point.indicator}`) }));
      return plot.plot({
        width,
        height: 5 * 130 + 40,
        marginLeft: 50,
        marginRight: 10,
        x: { label: null, type: 'point', domain: periods },
        y: { grid: true, label: null },
        fy: { domain: labels, axis: null, padding: 0.2 },
        facet: { data: known, y: 'label' },
        marks: [
          plot.frame({ stroke: '#bbb' }),
          plot.text(labels, { fy: (text: string) => text, text: (text: string) => text, frameAnchor: 'top-left', fontSize: 12, fontWeight: 'bold', dx: 6, dy: 6 }),
          plot.lineY(known, { x: 'period', y: 'value', stroke: '#004494', strokeWidth: 2 }),
          plot.dot(known, { x: 'period', y: 'value', fill: '#004494' }),
        ],
      });
    },
    [points, t],
  );

  return (
    <ChartWithTable
      title={t('scoreboard.trend')}
      headingLevel={2}
      rows={rows}
      rowKey={(row) => row.period}
      draw={draw}
      csvName="country-trend"
      columns={[
        { header: t('period.label'), cell: (row) => row.period, csv: (row) => row.period },
        ...INDICATORS.map((indicator) => ({
          header: t(`indicators.${indicator}`),
          cell: (row: (typeof rows)[number]) => {
            const value = row.values[indicator];
            return value == null ? t('scoreboard.noData') : formatNumber(language, value, 1);
          },
          csv: (row: (typeof rows)[number]) => row.values[indicator] ?? '',
          numeric: true,
        })),
      ]}
    />
  );
}
