import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName } from '../i18n/format';
import { useLanguage } from '../i18n/useLanguage';
import { EEA_COUNTRIES } from '../reference/countries';

/** The countries an alert or notification goes to: every EEA country but the sender's, by name in the reader's language. */
export function CountryPicker({ ownCountry, chosen, onChange }: { ownCountry: string; chosen: string[]; onChange: (chosen: string[]) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const collator = new Intl.Collator(language);
  const countries = EEA_COUNTRIES.filter((code) => code !== ownCountry)
    .map((code) => ({ code, name: countryName(language, code) }))
    .sort((a, b) => collator.compare(a.name, b.name));
  return (
    <fieldset className="ecl-form-group field">
      <legend className="ecl-form-label">{t('alerts.recipients')}</legend>
      <p className="ecl-help-block">{t('alerts.recipientsHint')}</p>
      <ul className="country-picker">
        {countries.map(({ code, name }) => (
          <li key={code} className="ecl-checkbox">
            <input
              id={`${id}-${code}`}
              type="checkbox"
              className="ecl-checkbox__input"
              checked={chosen.includes(code)}
              onChange={(event) => onChange(event.target.checked ? [...chosen, code] : chosen.filter((item) => item !== code))}
            />
            <label htmlFor={`${id}-${code}`} className="ecl-checkbox__label">
              <span className="ecl-checkbox__box" aria-hidden="true" />
              <span className="ecl-checkbox__text">{name}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
