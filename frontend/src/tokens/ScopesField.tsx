import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SCOPES, type Scope } from './types';

/** What a new token may do: one checkbox per scope, each saying in plain words what it allows. */
export function ScopesField({ chosen, onChange }: { chosen: Scope[]; onChange: (chosen: Scope[]) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="ecl-form-group field">
      <legend className="ecl-form-label">{t('tokens.scopes')}</legend>
      <ul className="scope-picker">
        {SCOPES.map((scope) => (
          <li key={scope} className="ecl-checkbox">
            <input
              id={`${id}-${scope}`}
              type="checkbox"
              name="scope"
              value={scope}
              className="ecl-checkbox__input"
              checked={chosen.includes(scope)}
              onChange={(event) => onChange(event.target.checked ? [...chosen, scope] : chosen.filter((item) => item !== scope))}
            />
            <label htmlFor={`${id}-${scope}`} className="ecl-checkbox__label">
              <span className="ecl-checkbox__box" aria-hidden="true" />
              <span className="ecl-checkbox__text">{t(`tokens.scope.${scope}`)}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
