import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format';
import { useLanguage } from '../i18n/useLanguage';
import { Field } from '../ui/Field';
import type { FacetValue } from './types';

export interface FacetOption {
  value: string;
  label: string;
}

/** A filter over every possible value, each saying how many results it would give. */
export function FacetSelect({ name, label, value, options, counts }: { name: string; label: string; value: string; options: FacetOption[]; counts: FacetValue[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const countOf = (option: string) => counts.find((facet) => facet.value === option)?.count ?? 0;
  return (
    <Field label={label}>
      {({ id }) => (
        <div className="ecl-select__container ecl-select__container--m">
          <select id={id} name={name} className="ecl-select" defaultValue={value}>
            <option value="">{t('directory.anyValue')}</option>
            {options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label} ({formatNumber(language, countOf(option.value))})
              </option>
            ))}
          </select>
        </div>
      )}
    </Field>
  );
}
