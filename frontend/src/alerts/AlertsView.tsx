import { useTranslation } from 'react-i18next';
import { useDataSources } from '../data/sources';
import { useResource } from '../data/useResource';
import { countryName } from '../i18n/format';
import { useLanguage } from '../i18n/useLanguage';
import { Link } from '../router/Link';
import { useSearchParams } from '../router/Router';
import { pathOf } from '../router/routes';
import { useUser } from '../session/Session';
import { hasProfile } from '../session/types';
import { PageHeading } from '../ui/PageHeading';
import { ResourceView } from '../ui/ResourceView';
import { useLiveReload } from '../work/useLiveReload';
import { useNewItemsAnnouncement } from '../work/useNewItemsAnnouncement';
import { AlertDeadlinesText } from './AlertDeadlinesText';
import { BROADCAST_LISTS, type BroadcastList, type BroadcastSummary } from './types';

function selectedList(value: string | null): BroadcastList {
  return BROADCAST_LISTS.find((list) => list === value) ?? 'incoming';
}

function BroadcastItem({ item }: { item: BroadcastSummary }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const recipients = item.countries.length === 0 ? t('alerts.allCountries') : item.countries.map((code) => countryName(language, code)).join(', ');
  return (
    <li className="card">
      <p className="card__kind">
        {t(item.kind === 'ALERT' ? 'alerts.alert' : 'alerts.notification')} · {item.stateLabel}
      </p>
      <h3 className="ecl-u-type-heading-3 card__title">
        <Link className="ecl-link" href={pathOf({ name: 'broadcast', id: item.id })}>
          {item.reference}
        </Link>{' '}
        · <span lang={item.subjectLanguage}>{item.subject}</span>
      </h3>
      <p>{item.procedure}</p>
      <p>
        <span lang={item.sender.language}>{item.sender.name}</span> ({countryName(language, item.sender.country)})
      </p>
      <p>
        {t('alerts.recipients')}: {recipients}
      </p>
      {item.deadlines && <AlertDeadlinesText deadlines={item.deadlines} />}
    </li>
  );
}

/** Alerts and notifications by list, kept up to date as steps are taken on them. */
export function AlertsView() {
  const { t } = useTranslation();
  const sources = useDataSources();
  const language = useLanguage();
  const user = useUser();
  const [params] = useSearchParams();
  const list = selectedList(params.get('list'));
  const items = useResource(() => sources.broadcasts(list, language), `${list}/${language}`);
  useLiveReload((event) => event.kind === 'ALERT' || event.kind === 'NOTIFICATION', items.reload);
  useNewItemsAnnouncement(items, list, (count) => t('alerts.newItems', { count }));
  const mayCreate = hasProfile(user, 'ALERT_HANDLER') || hasProfile(user, 'REQUEST_HANDLER');

  return (
    <section>
      <PageHeading title={t('alerts.title')}>{t('alerts.title')}</PageHeading>
      <p className="ecl-u-type-paragraph">{t('alerts.intro')}</p>
      {mayCreate && (
        <p>
          <Link className="ecl-button ecl-button--primary" href={pathOf({ name: 'newBroadcast' })}>
            {t('alerts.create')}
          </Link>
        </p>
      )}
      <nav aria-label={t('alerts.lists')} className="tabs">
        <ul className="tabs__list">
          {BROADCAST_LISTS.map((name) => (
            <li key={name}>
              <Link className="tabs__link" href={`${pathOf({ name: 'alerts' })}?list=${name}`} aria-current={name === list ? 'page' : undefined}>
                {t(`alertLists.${name}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <h2 className="ecl-u-type-heading-2">{t(`alertLists.${list}`)}</h2>
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
