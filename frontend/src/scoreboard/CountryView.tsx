import { useTranslation } from 'react-i18next';
import { useDataSources } from '../data/sources';
import { useResource } from '../data/useResource';
import { countryName } from '../i18n/format';
import { useLanguage } from '../i18n/useLanguage';
import { Link } from '../router/Link';
import { useRouter } from '../router/Router';
import { pathOf } from '../router/routes';
import { PageHeading } from '../ui/PageHeading';
import { ResourceView } from '../ui/ResourceView';
import { bandStyle } from './bands';
import { CountryIndicators } from './CountryIndicators';
import { CsvLink } from './CsvLink';
import { PeriodPicker, usePeriod } from './PeriodPicker';
import { PeriodSummary } from './PeriodSummary';
import { RawValuesToggle, useRawValues } from './RawValuesToggle';
import { TrendChart } from './TrendChart';
import type { Period } from './types';
import { trendYears } from './trendYears';

function yearParams(period: Period) {
  const { firstYear, lastYear } = trendYears(period);
  return { firstYear: String(firstYear), lastYear: String(lastYear) };
}

export function CountryView({ country }: { country: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const sources = useDataSources();
  const { location } = useRouter();
  const period = usePeriod();
  const [raw] = useRawValues();
  const key = `${country}/${period.from}/${period.to}/${raw}`;
  const report = useResource(() => sources.scoreboard(period, raw), key);
  const trend = useResource(() => sources.countryTrend(country, period, raw), key);
  const title = t('scoreboard.countryTitle', { country: countryName(language, country) });

  return (
    <section>
      <p>
        <Link className="ecl-link" href={`${pathOf({ name: 'scoreboard' })}${location.search}`}>
          {t('scoreboard.allCountries')}
        </Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      <PeriodPicker />
      <ResourceView resource={report}>
        {(data) => {
          const row = data.rows.find((item) => item.country === country);
          if (!row) return <p className="empty">{t('scoreboard.noData')}</p>;
          return (
            <>
              <PeriodSummary period={data.period} />
              <p className={`overall-badge overall-badge--${(row.overall ?? 'none').toLowerCase()}`}>
                {t('scoreboard.overall')}: <strong>{t(bandStyle(row.overall).labelKey)}</strong>
              </p>
              <RawValuesToggle />
              <CountryIndicators readings={row.indicators} averages={data.eeaAverage} raw={raw} />
            </>
          );
        }}
      </ResourceView>
      <ResourceView resource={trend}>
        {(data) => (
          <>
            <TrendChart points={data.points} />
            <CsvLink path="trend.csv" params={{ country, ...yearParams(period), ...(raw ? { rounding: 'NONE' } : {}) }} label={t('scoreboard.trend')} />
          </>
        )}
      </ResourceView>
    </section>
  );
}
