import { useTranslation } from 'react-i18next';
import { useDataSources } from '../data/sources';
import { useResource } from '../data/useResource';
import { countryName, formatDate } from '../i18n/format';
import { useLanguage } from '../i18n/useLanguage';
import { PageHeading } from '../ui/PageHeading';
import { ResourceView } from '../ui/ResourceView';

export function AdminView() {
  const { t } = useTranslation();
  const language = useLanguage();
  const sources = useDataSources();
  const pending = useResource(() => sources.pendingAuthorities(), 'pendingAuthorities');
  return (
    <section>
      <PageHeading title={t('admin.title')}>{t('admin.title')}</PageHeading>
      <p className="ecl-u-type-paragraph">{t('admin.intro')}</p>
      <h2 className="ecl-u-type-heading-2">{t('admin.pendingValidation')}</h2>
      <ResourceView resource={pending}>
        {(authorities) => (
          <ul className="cards">
            {authorities.map((authority) => (
              <li key={authority.id} className="card">
                <h3 className="ecl-u-type-heading-3 card__title" lang={authority.officialNameLanguage}>
                  {authority.officialName}
                </h3>
                <p>
                  {countryName(language, authority.country)} · {formatDate(language, authority.registeredAt)}
                </p>
              </li>
            ))}
          </ul>
        )}
      </ResourceView>
    </section>
  );
}
