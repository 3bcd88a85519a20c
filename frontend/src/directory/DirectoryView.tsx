import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDataSources } from '../data/sources';
import { useResource } from '../data/useResource';
import { countryName } from '../i18n/format';
import { useLanguage } from '../i18n/useLanguage';
import { useSearchParams } from '../router/Router';
import { Field } from '../ui/Field';
import { PageHeading } from '../ui/PageHeading';
import { ResourceView } from '../ui/ResourceView';
import { FacetSelect } from './FacetSelect';
import type { DirectoryQuery, DirectoryResult } from './types';

const QUERY_FIELDS = ['text', 'country', 'legalArea', 'level'] as const;

function queryFrom(params: URLSearchParams): DirectoryQuery {
  return { text: params.get('text') ?? '', country: params.get('country') ?? '', legalArea: params.get('legalArea') ?? '', level: params.get('level') ?? '' };
}

function Results({ result }: { result: DirectoryResult }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (result.total === 0) return <p className="empty">{t('directory.noResults')}</p>;
  return (
    <ul className="cards">
      {result.hits.map((hit) => (
        <li key={hit.id} className="card">
          <h3 className="ecl-u-type-heading-3 card__title" lang={hit.officialNameLanguage}>
            {hit.officialName}
          </h3>
          <p>
            {hit.city}, {countryName(language, hit.country)} · {t(`directory.${hit.level.toLowerCase() as 'national' | 'regional' | 'local'}`)}
          </p>
        </li>
      ))}
    </ul>
  );
}

export function DirectoryView() {
  const { t } = useTranslation();
  const sources = useDataSources();
  const language = useLanguage();
  const [params, setParams] = useSearchParams();
  const query = queryFrom(params);
  const result = useResource(() => sources.searchAuthorities(query), params.toString());

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const field of QUERY_FIELDS) {
      const value = String(form.get(field) ?? '').trim();
      if (value) next.set(field, value);
    }
    setParams(next);
  }

  const facets = result.status === 'ready' ? result.data.facets : { country: [], legalArea: [], level: [] };
  return (
    <section>
      <PageHeading title={t('directory.title')}>{t('directory.title')}</PageHeading>
      <p className="ecl-u-type-paragraph">{t('directory.intro')}</p>
      <form role="search" className="form directory-form" onSubmit={search} key={params.toString()}>
        <Field label={t('directory.searchLabel')} hint={t('directory.searchHint')}>
          {({ id, describedBy }) => (
            <input id={id} name="text" type="search" className="ecl-text-input ecl-text-input--l" defaultValue={query.text} aria-describedby={describedBy} />
          )}
        </Field>
        <fieldset className="directory-form__filters">
          <legend className="ecl-form-label">{t('directory.filters')}</legend>
          <FacetSelect
            name="country"
            label={t('directory.country')}
            value={query.country}
            facet={facets.country.map((option) => ({ ...option, label: countryName(language, option.value) }))}
          />
          <FacetSelect name="legalArea" label={t('directory.legalArea')} value={query.legalArea} facet={facets.legalArea} />
          <FacetSelect
            name="level"
            label={t('directory.level')}
            value={query.level}
            facet={facets.level.map((option) => ({ ...option, label: t(`directory.${option.value.toLowerCase() as 'national'}`) }))}
          />
        </fieldset>
        <div className="form__actions">
          <button type="submit" className="ecl-button ecl-button--primary">
            {t('actions.search')}
          </button>
          <button type="button" className="ecl-button ecl-button--tertiary" onClick={() => setParams(new URLSearchParams())}>
            {t('actions.clearFilters')}
          </button>
        </div>
      </form>
      <div aria-live="polite" className="results-count">
        {result.status === 'ready' && t('directory.results', { count: result.data.total })}
      </div>
      <ResourceView resource={result}>{(data) => <Results result={data} />}</ResourceView>
    </section>
  );
}
