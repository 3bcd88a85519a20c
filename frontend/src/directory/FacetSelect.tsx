import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/useLanguage';
import { formatNumber } from '../i18n/format';
import { Field } from '../ui/Field';
import type { FacetValue } from './types';

/** A filter whose options show how many results each would give. */
export function FacetSelect({ name, label, value, facet }: { name: string; label: string; value: string; facet: FacetValue[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Field label={label}>
      {({ id }) => (
        <div className="ecl-select__container ecl-select__container--m">
          <select id={id} name={name} className="ecl-select" defaultValue={value}>
            <option value="">{t('directory.anyValue')}</option>
            {facet.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label} ({formatNumber(language, option.count)})
              </option>
            ))}
          </select>
        </div>
      )}
    </Field>
  );
}
