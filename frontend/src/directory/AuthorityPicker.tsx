import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDataSources } from '../data/sources';
import { countryName } from '../i18n/format';
import { useLanguage } from '../i18n/useLanguage';
import { ErrorNotice } from '../ui/ErrorNotice';
import type { AuthoritySummary, DirectoryQuery } from './types';

type Search = { status: 'idle' } | { status: 'searching' } | { status: 'done'; hits: AuthoritySummary[]; total: number } | { status: 'failed'; error: unknown };

interface AuthorityPickerProps {
  legend: string;
  /** Filters applied to every search (e.g. the procedure, or the reader's own country). */
  filters: Partial<Omit<DirectoryQuery, 'text' | 'language'>>;
  multiple?: boolean;
  selected: AuthoritySummary[];
  onChange: (selected: AuthoritySummary[]) => void;
}

/**
 * Finds authorities by what the reader types, in any language, and lets them choose one (radio buttons) or
 * several (checkboxes). It sits inside other forms: Enter in its search field searches instead of submitting them.
 */
export function AuthorityPicker({ legend, filters, multiple = false, selected, onChange }: AuthorityPickerProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const sources = useDataSources();
  const id = useId();
  const [text, setText] = useState('');
  const [search, setSearch] = useState<Search>({ status: 'idle' });

  async function run() {
    setSearch({ status: 'searching' });
    try {
      const query: DirectoryQuery = { text, language, country: '', legalArea: '', level: '', procedure: '', ...filters };
      const { hits, total } = await sources.searchAuthorities(query);
      setSearch({ status: 'done', hits, total });
    } catch (error) {
      setSearch({ status: 'failed', error });
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void run();
  }

  const isSelected = (hit: AuthoritySummary) => selected.some((item) => item.id === hit.id);
  function toggle(hit: AuthoritySummary, checked: boolean) {
    if (!multiple) onChange(checked ? [hit] : []);
    else onChange(checked ? [...selected.filter((item) => item.id !== hit.id), hit] : selected.filter((item) => item.id !== hit.id));
  }
  // The chosen ones stay listed (and chosen) while the reader searches for others.
  const shown = [...selected, ...(search.status === 'done' ? search.hits.filter((hit) => !isSelected(hit)) : [])];

  return (
    <fieldset className="ecl-form-group field authority-picker">
      <legend className="ecl-form-label">{legend}</legend>
      <label className="visually-hidden" htmlFor={`${id}-text`}>
        {t('directory.searchLabel')}
      </label>
      <div className="authority-picker__search">
        <input
          id={`${id}-text`}
          type="search"
          className="ecl-text-input ecl-text-input--l"
          value={text}
          placeholder={t('directory.searchHint')}
          aria-describedby={`${id}-hint`}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <button type="button" className="ecl-button ecl-button--secondary" onClick={() => void run()}>
          {t('actions.search')}
        </button>
      </div>
      <p className="ecl-help-block" id={`${id}-hint`}>
        {t('compose.counterpartHint')}
      </p>
      <div aria-live="polite" className="results-count">
        {search.status === 'searching' && t('app.loading')}
        {search.status === 'done' && (search.hits.length === 0 ? t('directory.noResults') : t('directory.results', { count: search.total }))}
      </div>
      {search.status === 'failed' && <ErrorNotice error={search.error} />}
      {shown.length > 0 && (
        <ul className="authority-picker__hits">
          {shown.map((hit) => (
            <li key={hit.id} className={multiple ? 'ecl-checkbox' : 'ecl-radio'}>
              <input
                id={`${id}-${hit.id}`}
                type={multiple ? 'checkbox' : 'radio'}
                name={`${id}-choice`}
                className={multiple ? 'ecl-checkbox__input' : 'ecl-radio__input'}
                checked={isSelected(hit)}
                onChange={(event) => toggle(hit, event.target.checked)}
              />
              <label htmlFor={`${id}-${hit.id}`} className={multiple ? 'ecl-checkbox__label' : 'ecl-radio__label'}>
                <span className={multiple ? 'ecl-checkbox__box' : 'ecl-radio__box'} aria-hidden="true" />
                <span className={multiple ? 'ecl-checkbox__text' : 'ecl-radio__text'}>
                  <span lang={hit.officialNameLanguage}>{hit.officialName}</span>
                  {' · '}
                  {[hit.city, countryName(language, hit.country)].filter(Boolean).join(', ')}
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
