import { useTranslation } from 'react-i18next';
import { useDataSources } from '../data/sources';
import { useResource } from '../data/useResource';
import { useLanguage } from '../i18n/useLanguage';
import { Link } from '../router/Link';
import { useSearchParams } from '../router/Router';
import { PageHeading } from '../ui/PageHeading';
import { ResourceView } from '../ui/ResourceView';
import { WORK_LISTS, type WorkList } from './types';
import { useLiveReload } from './useLiveReload';
import { useNewItemsAnnouncement } from './useNewItemsAnnouncement';
import { WorkTable } from './WorkTable';

function selectedList(value: string | null): WorkList {
  return WORK_LISTS.find((list) => list === value) ?? 'toAccept';
}

/** The tracking lists of the reader's authority, kept up to date as steps are taken on its requests. */
export function WorkView() {
  const { t } = useTranslation();
  const sources = useDataSources();
  const language = useLanguage();
  const [params] = useSearchParams();
  const list = selectedList(params.get('list'));
  const items = useResource(() => sources.workList(list, language), `${list}/${language}`);
  useLiveReload((event) => event.kind === 'REQUEST', items.reload);
  useNewItemsAnnouncement(items, list, (count) => t('work.newItems', { count }));

  return (
    <section>
      <PageHeading title={t('work.title')}>{t('work.title')}</PageHeading>
      <p className="ecl-u-type-paragraph">{t('work.intro')}</p>
      <nav aria-label={t('work.lists')} className="tabs">
        <ul className="tabs__list">
          {WORK_LISTS.map((name) => (
            <li key={name}>
              <Link className="tabs__link" href={`/?list=${name}`} aria-current={name === list ? 'page' : undefined}>
                {t(`work.${name}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <h2 className="ecl-u-type-heading-2">{t(`work.${list}`)}</h2>
      <ResourceView resource={items}>{(data) => <WorkTable items={data} caption={t(`work.${list}`)} />}</ResourceView>
    </section>
  );
}
