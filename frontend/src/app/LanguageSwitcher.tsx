import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../i18n/i18n';
import { LANGUAGES, isLanguage, nativeName } from '../i18n/languages';
import { useLanguage } from '../i18n/useLanguage';
import { useAnnounce } from '../ui/LiveRegion';

/** Every interface language, each named in itself; the choice applies at once and is remembered. */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const language = useLanguage();
  const announce = useAnnounce();

  return (
    <div className="language-switcher">
      <label className="ecl-form-label language-switcher__label" htmlFor="language-switcher">
        {t('language.label')}
      </label>
      <div className="ecl-select__container ecl-select__container--s">
        <select
          id="language-switcher"
          className="ecl-select"
          value={language}
          title={t('language.choose')}
          onChange={async (event) => {
            const next = event.target.value;
            if (!isLanguage(next)) return;
            await changeLanguage(next);
            announce(t('language.changed', { language: nativeName(next), lng: next }));
          }}
        >
          {LANGUAGES.map((code) => (
            <option key={code} value={code} lang={code}>
              {nativeName(code)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
