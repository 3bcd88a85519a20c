import { useTranslation } from 'react-i18next';
import { useDataSources } from '../data/sources';
import { useResource } from '../data/useResource';
import { Link } from '../router/Link';
import { useSearchParams } from '../router/Router';
import { PageHeading } from '../ui/PageHeading';
import { ResourceView } from '../ui/ResourceView';
import { WORK_LISTS, type WorkList } from './types';
import { WorkTable } from './WorkTable';

function selectedList(value: string | null): WorkList {
  return WORK_LISTS.find((list) => list === value) ?? 'toAccept';
}

export function WorkView() {
  const { t } = useTranslation();
  const sources = useDataSources();
  const [params] = useSearchParams();
  const list = selectedList(params.get('list'));
  const items = useResource(() => sources.workList(list), list);

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
