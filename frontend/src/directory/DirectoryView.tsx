import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDataSources } from '../data/sources';
import { useResource } from '../data/useResource';
import { countryName } from '../i18n/format';
import { useLanguage } from '../i18n/useLanguage';
import { EEA_COUNTRIES } from '../reference/countries';
import { AUTHORITY_LEVELS, type LegalArea } from '../reference/types';
import { useSearchParams } from '../router/Router';
import { Field } from '../ui/Field';
import { PageHeading } from '../ui/PageHeading';
import { ResourceView } from '../ui/ResourceView';
import { FacetSelect } from './FacetSelect';
import type { AuthoritySummary, DirectoryQuery, DirectoryResult } from './types';

const QUERY_FIELDS = ['text', 'country', 'legalArea', 'level'] as const;

function queryFrom(params: URLSearchParams, language: string): DirectoryQuery {
  return {
    text: params.get('text') ?? '',
    language,
    country: params.get('country') ?? '',
    legalArea: params.get('legalArea') ?? '',
    level: params.get('level') ?? '',
    procedure: '',
  };
}

function Hit({ hit, areaNames }: { hit: AuthoritySummary; areaNames: Map<string, string> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <li className="card">
      <h3 className="ecl-u-type-heading-3 card__title" lang={hit.officialNameLanguage}>
        {hit.officialName}
      </h3>
      <p>
        {[hit.city, countryName(language, hit.country)].filter(Boolean).join(', ')} · {t(`directory.levels.${hit.level}`)}
      </p>
      {hit.legalAreas.length > 0 && (
        <p>
          {t('directory.legalArea')}: {hit.legalAreas.map((code) => areaNames.get(code) ?? code).join(', ')}
        </p>
      )}
      {(hit.email || hit.phone) && (
        <p>
          {t('directory.contact')}: {hit.email && <a className="ecl-link" href={`mailto:${hit.email}`}>{hit.email}</a>}
          {hit.email && hit.phone && ' · '}
          {hit.phone}
        </p>
      )}
      {hit.highlights
        .filter((highlight) => highlight.field !== 'officialName')
        .map((highlight) => (
          // The API escapes the hit's text and marks the matches with <mark>, nothing else.
          <p key={highlight.field} className="card__highlight" dangerouslySetInnerHTML={{ __html: highlight.html }} />
        ))}
    </li>
  );
}

function Results({ result, areaNames }: { result: DirectoryResult; areaNames: Map<string, string> }) {
  const { t } = useTranslation();
  if (result.hits.length === 0) return <p className="empty">{t('directory.noResults')}</p>;
  return (
    <ul className="cards">
      {result.hits.map((hit) => (
        <Hit key={hit.id} hit={hit} areaNames={areaNames} />
      ))}
    </ul>
  );
}

function SearchForm({ query, result, legalAreas }: { query: DirectoryQuery; result: DirectoryResult | null; legalAreas: LegalArea[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [params, setParams] = useSearchParams();
  const facets = result?.facets ?? { country: [], legalArea: [], level: [] };
  const collator = new Intl.Collator(language);

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

  return (
    <form role="search" className="form directory-form" onSubmit={search} key={params.toString()}>
      <Field label={t('directory.searchLabel')} hint={t('directory.searchHint')}>
        {({ id, describedBy }) => <input id={id} name="text" type="search" className="ecl-text-input ecl-text-input--l" defaultValue={query.text} aria-describedby={describedBy} />}
      </Field>
      <fieldset className="directory-form__filters">
        <legend className="ecl-form-label">{t('directory.filters')}</legend>
        <FacetSelect
          name="country"
          label={t('directory.country')}
          value={query.country}
          counts={facets.country}
          options={EEA_COUNTRIES.map((code) => ({ value: code, label: countryName(language, code) })).sort((a, b) => collator.compare(a.label, b.label))}
        />
        <FacetSelect
          name="legalArea"
          label={t('directory.legalArea')}
          value={query.legalArea}
          counts={facets.legalArea}
          options={legalAreas.map((area) => ({ value: area.code, label: area.name }))}
        />
        <FacetSelect
          name="level"
          label={t('directory.level')}
          value={query.level}
          counts={facets.level}
          options={AUTHORITY_LEVELS.map((level) => ({ value: level, label: t(`directory.levels.${level}`) }))}
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
  );
}

/** The directory of authorities: free text in any language, filters with their counts, results best first. */
export function DirectoryView() {
  const { t } = useTranslation();
  const sources = useDataSources();
  const language = useLanguage();
  const [params] = useSearchParams();
  const query = queryFrom(params, language);
  const result = useResource(() => sources.searchAuthorities(query), `${params.toString()}/${language}`);
  const areas = useResource(() => sources.legalAreas(language), `areas/${language}`);
  const legalAreas = areas.status === 'ready' ? areas.data : [];
  const areaNames = new Map(legalAreas.map((area) => [area.code, area.name]));

  return (
    <section>
      <PageHeading title={t('directory.title')}>{t('directory.title')}</PageHeading>
      <p className="ecl-u-type-paragraph">{t('directory.intro')}</p>
      <SearchForm query={query} result={result.status === 'ready' ? result.data : null} legalAreas={legalAreas} />
      <div aria-live="polite" className="results-count">
        {result.status === 'ready' && t('directory.results', { count: result.data.total })}
      </div>
      <ResourceView resource={result}>{(data) => <Results result={data} areaNames={areaNames} />}</ResourceView>
    </section>
  );
}
