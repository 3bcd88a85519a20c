import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartWithTable } from '../scoreboard/charts/ChartWithTable';
import { countryName, formatNumber } from '../i18n/format';
import type { Language } from '../i18n/languages';
import { useLanguage } from '../i18n/useLanguage';
import type { UsageStatistics } from '../scoreboard/types';

type PlotModule = typeof import('@observablehq/plot');
const PALETTE = ['#004494', '#2e7d32', '#a35f00', '#6a1b9a', '#c62828', '#00695c', '#5d4037', '#37474f'];

export function ExchangesPerYear({ data }: { data: UsageStatistics['exchangesPerYear'] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const rows = useMemo(() => data.map((row) => ({ ...row, kindLabel: t(`statistics.${row.kind}`) })), [data, t]);
  const draw = useCallback(
    (plot: PlotModule, width: number) =>
      plot.plot({
        width,
        height: 320,
        x: { label: null, tickFormat: (year: number) => String(year) },
        y: { grid: true, label: t('statistics.count') },
        color: { legend: true, range: PALETTE },
        marks: [plot.barY(rows, plot.stackY({ x: 'year', y: 'count', fill: 'kindLabel' })), plot.ruleY([0])],
      }),
    [rows, t],
  );
  return (
    <ChartWithTable
      title={t('statistics.exchangesPerYear')}
      headingLevel={2}
      rows={rows}
      rowKey={(row) => `${row.year}-${row.kind}`}
      draw={draw}
      csvName="exchanges-per-year"
      columns={[
        { header: t('statistics.year'), cell: (row) => String(row.year), csv: (row) => row.year },
        { header: t('statistics.kind'), cell: (row) => row.kindLabel, csv: (row) => row.kind },
        { header: t('statistics.count'), cell: (row) => formatNumber(language, row.count), csv: (row) => row.count, numeric: true },
      ]}
    />
  );
}

export function RequestsPerQuarter({ data }: { data: UsageStatistics['requestsPerQuarter'] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const draw = useCallback(
    (plot: PlotModule, width: number) =>
      plot.plot({
        width,
        height: 340,
        x: { label: null, type: 'point' },
        y: { grid: true, label: t('statistics.count') },
        color: { legend: true, range: PALETTE },
        marks: [plot.lineY(data, { x: 'quarter', y: 'count', stroke: 'legalArea', strokeWidth: 2 }), plot.dot(data, { x: 'quarter', y: 'count', fill: 'legalArea' }), plot.ruleY([0])],
      }),
    [data, t],
  );
  return (
    <ChartWithTable
      title={t('statistics.requestsPerQuarter')}
      headingLevel={2}
      rows={data}
      rowKey={(row) => `${row.quarter}-${row.legalArea}`}
      draw={draw}
      csvName="requests-per-quarter"
      columns={[
        { header: t('statistics.quarter'), cell: (row) => row.quarter, csv: (row) => row.quarter },
        { header: t('directory.legalArea'), cell: (row) => row.legalArea, csv: (row) => row.legalArea },
        { header: t('statistics.count'), cell: (row) => formatNumber(language, row.count), csv: (row) => row.count, numeric: true },
      ]}
    />
  );
}

function countryRows(data: { country: string; count: number }[], language: Language) {
  return data.map((row) => ({ ...row, name: countryName(language, row.country) })).sort((a, b) => b.count - a.count);
}

export function RequestsByCountry({ data, side }: { data: { country: string; count: number }[]; side: 'bySendingCountry' | 'byReceivingCountry' }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const rows = useMemo(() => countryRows(data, language), [data, language]);
  const draw = useCallback(
    (plot: PlotModule, width: number) =>
      plot.plot({
        width,
        height: 24 + rows.length * 18,
        marginLeft: 130,
        x: { grid: true, label: t('statistics.count') },
        y: { label: null, domain: rows.map((row) => row.name) },
        marks: [plot.barX(rows, { x: 'count', y: 'name', fill: '#004494' }), plot.ruleX([0])],
      }),
    [rows, t],
  );
  return (
    <ChartWithTable
      title={t(`statistics.${side}`)}
      headingLevel={2}
      rows={rows}
      rowKey={(row) => row.country}
      draw={draw}
      csvName={side === 'bySendingCountry' ? 'requests-by-sending-country' : 'requests-by-receiving-country'}
      columns={[
        { header: t('directory.country'), cell: (row) => row.name, csv: (row) => row.country },
        { header: t('statistics.count'), cell: (row) => formatNumber(language, row.count), csv: (row) => row.count, numeric: true },
      ]}
    />
  );
}
