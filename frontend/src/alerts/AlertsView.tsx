import { useTranslation } from 'react-i18next';
import { useDataSources } from '../data/sources';
import { useResource } from '../data/useResource';
import { countryName, formatDate } from '../i18n/format';
import { useLanguage } from '../i18n/useLanguage';
import { PageHeading } from '../ui/PageHeading';
import { ResourceView } from '../ui/ResourceView';
import type { BroadcastSummary } from './types';

function BroadcastItem({ item }: { item: BroadcastSummary }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const recipients =
    item.recipientCountries === 'ALL' ? t('alerts.allCountries') : item.recipientCountries.map((code) => countryName(language, code)).join(', ');
  return (
    <li className="card">
      <p className="card__kind">
        {t(item.kind === 'ALERT' ? 'alerts.alert' : 'alerts.notification')} · {t(`alerts.${item.status}`)}
      </p>
      <h2 className="ecl-u-type-heading-3 card__title">{item.subject}</h2>
      <p>
        {item.sender.authority} ({countryName(language, item.sender.country)})
      </p>
      <p>
        {t('alerts.recipients')}: {recipients}
      </p>
      {item.deadline && <p className="deadline">{t(`alerts.${item.deadline.kind}`, { date: formatDate(language, item.deadline.date) })}</p>}
    </li>
  );
}

export function AlertsView() {
  const { t } = useTranslation();
  const sources = useDataSources();
  const items = useResource(() => sources.broadcasts(), 'broadcasts');
  return (
    <section>
      <PageHeading title={t('alerts.title')}>{t('alerts.title')}</PageHeading>
      <p className="ecl-u-type-paragraph">{t('alerts.intro')}</p>
      <ResourceView resource={items}>
        {(data) =>
          data.length === 0 ? (
            <p className="empty">{t('alerts.empty')}</p>
          ) : (
            <ul className="cards">
              {data.map((item) => (
                <BroadcastItem key={item.id} item={item} />
              ))}
            </ul>
          )
        }
      </ResourceView>
    </section>
  );
}
