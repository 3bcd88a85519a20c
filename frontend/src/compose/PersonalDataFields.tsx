import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export type PersonalDataEntries = { field: string; value: string }[];

/** The personal data a procedure asks about (the person concerned), each field optional. */
export function PersonalDataFields({ fields, entries, onChange }: { fields: string[]; entries: PersonalDataEntries; onChange: (entries: PersonalDataEntries) => void }) {
  const { t } = useTranslation();
  const id = useId();
  if (fields.length === 0) return null;
  return (
    <fieldset className="ecl-form-group field">
      <legend className="ecl-form-label">{t('request.personalData')}</legend>
      <p className="ecl-help-block">{t('compose.personalDataHint')}</p>
      {fields.map((field) => (
        <div key={field} className="field">
          <label className="ecl-form-label" htmlFor={`${id}-${field}`}>
            {t(`personalData.${field}`, { defaultValue: field })}
          </label>
          <input
            id={`${id}-${field}`}
            className="ecl-text-input ecl-text-input--l"
            type={field === 'date_of_birth' ? 'date' : 'text'}
            value={entries.find((entry) => entry.field === field)?.value ?? ''}
            onChange={(event) => onChange([...entries.filter((entry) => entry.field !== field), { field, value: event.target.value }])}
          />
        </div>
      ))}
    </fieldset>
  );
}
