import { useTranslation } from 'react-i18next';
import { useDataSources } from '../data/sources';
import { useResource } from '../data/useResource';
import { useLanguage } from '../i18n/useLanguage';
import { CsvLink } from '../scoreboard/CsvLink';
import { PeriodPicker, usePeriod } from '../scoreboard/PeriodPicker';
import { PeriodSummary } from '../scoreboard/PeriodSummary';
import { PageHeading } from '../ui/PageHeading';
import { ResourceView } from '../ui/ResourceView';
import { ExchangesPerYear, RequestsByCountry, RequestsPerQuarter } from './UsageCharts';

export function StatisticsView() {
  const { t } = useTranslation();
  const sources = useDataSources();
  const language = useLanguage();
  const period = usePeriod();
  const usage = useResource(() => sources.usage(period, language), `${period.from}/${period.to}/${language}`);
  return (
    <section>
      <PageHeading title={t('statistics.title')}>{t('statistics.title')}</PageHeading>
      <p className="ecl-u-type-paragraph">{t('statistics.intro')}</p>
      <PeriodPicker />
      <ResourceView resource={usage}>
        {(data) => (
          <>
            <PeriodSummary period={data.period} />
            <CsvLink
              path="usage.csv"
              params={{ from: data.period.from, to: data.period.to, groupBy: 'YEAR,EXCHANGE_KIND,LEGAL_AREA,SENDING_COUNTRY,RECEIVING_COUNTRY' }}
              label={t('statistics.title')}
            />
            <ExchangesPerYear data={data.exchangesPerYear} />
            <RequestsPerQuarter data={data.requestsPerQuarter} />
            <RequestsByCountry data={data.bySendingCountry} side="bySendingCountry" />
            <RequestsByCountry data={data.byReceivingCountry} side="byReceivingCountry" />
          </>
        )}
      </ResourceView>
    </section>
  );
}
