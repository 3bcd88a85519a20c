import { useTranslation } from 'react-i18next';
import { useDataSources } from '../data/sources';
import { useResource } from '../data/useResource';
import { useRouter } from '../router/Router';
import { PageHeading } from '../ui/PageHeading';
import { ResourceView } from '../ui/ResourceView';
import { IndicatorChart } from './IndicatorChart';
import { CsvLink } from './CsvLink';
import { BandPatterns } from './map/BandPatterns';
import { EeaMap } from './map/EeaMap';
import { MapLegend } from './map/MapLegend';
import { OverallTable } from './OverallTable';
import { PeriodPicker, usePeriod } from './PeriodPicker';
import { PeriodSummary } from './PeriodSummary';
import { RawValuesToggle, useRawValues } from './RawValuesToggle';
import { INDICATORS } from './types';

export function ScoreboardView() {
  const { t } = useTranslation();
  const sources = useDataSources();
  const { location } = useRouter();
  const period = usePeriod();
  const [raw] = useRawValues();
  const report = useResource(() => sources.scoreboard(period, raw), `${period.from}/${period.to}/${raw}`);

  return (
    <section>
      <PageHeading title={t('scoreboard.title')}>{t('scoreboard.title')}</PageHeading>
      <p className="ecl-u-type-paragraph">{t('scoreboard.intro')}</p>
      <PeriodPicker />
      <BandPatterns />
      <ResourceView resource={report}>
        {(data) => (
          <>
            <PeriodSummary period={data.period} />
            <CsvLink path="scoreboard.csv" params={{ from: data.period.from, to: data.period.to, ...(raw ? { rounding: 'NONE' } : {}) }} label={t('scoreboard.title')} />
            <h2 className="ecl-u-type-heading-2">{t('scoreboard.overall')}</h2>
            <div className="map-layout">
              <EeaMap rows={data.rows} search={location.search} />
              <MapLegend />
            </div>
            <OverallTable rows={data.rows} search={location.search} />
            <h2 className="ecl-u-type-heading-2">{t('scoreboard.indicators')}</h2>
            <RawValuesToggle />
            <p className="ecl-help-block">{t('scoreboard.noDataIndicator')}</p>
            {INDICATORS.map((indicator) => (
              <IndicatorChart
                key={indicator}
                indicator={indicator}
                rows={data.rows}
                average={data.eeaAverage.find((reading) => reading.indicator === indicator)}
                raw={raw}
              />
            ))}
          </>
        )}
      </ResourceView>
    </section>
  );
}
