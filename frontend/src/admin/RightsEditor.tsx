import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { LegalArea } from '../reference/types';
import { PROFILES, type Profile, type Right } from '../session/types';

/** A user's rights as rows of (legal area or all of them, profile), each removable, and a row to add. */
export function RightsEditor({ rights, legalAreas, onChange }: { rights: Right[]; legalAreas: LegalArea[]; onChange: (rights: Right[]) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const set = (index: number, right: Right) => onChange(rights.map((item, position) => (position === index ? right : item)));
  return (
    <fieldset className="ecl-form-group field rights-editor">
      <legend className="ecl-form-label">{t('admin.rights')}</legend>
      {rights.length === 0 && <p className="empty">{t('admin.noRights')}</p>}
      <ul className="rights-editor__rows">
        {rights.map((right, index) => (
          <li key={index} className="rights-editor__row">
            <label className="visually-hidden" htmlFor={`${id}-${index}-area`}>
              {t('directory.legalArea')}
            </label>
            <div className="ecl-select__container ecl-select__container--m">
              <select id={`${id}-${index}-area`} className="ecl-select" value={right.legalArea ?? ''} onChange={(event) => set(index, { ...right, legalArea: event.target.value || null })}>
                <option value="">{t('admin.allLegalAreas')}</option>
                {legalAreas.map((area) => (
                  <option key={area.code} value={area.code}>
                    {area.name}
                  </option>
                ))}
              </select>
            </div>
            <label className="visually-hidden" htmlFor={`${id}-${index}-profile`}>
              {t('admin.profile')}
            </label>
            <div className="ecl-select__container ecl-select__container--m">
              <select id={`${id}-${index}-profile`} className="ecl-select" value={right.profile} onChange={(event) => set(index, { ...right, profile: event.target.value as Profile })}>
                {PROFILES.map((profile) => (
                  <option key={profile} value={profile}>
                    {t(`profiles.${profile}`)}
                  </option>
                ))}
              </select>
            </div>
            <button type="button" className="ecl-button ecl-button--tertiary" onClick={() => onChange(rights.filter((_, position) => position !== index))}>
              {t('admin.removeRight')}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="ecl-button ecl-button--secondary" onClick={() => onChange([...rights, { legalArea: null, profile: 'REQUEST_HANDLER' }])}>
        {t('admin.addRight')}
      </button>
    </fieldset>
  );
}
