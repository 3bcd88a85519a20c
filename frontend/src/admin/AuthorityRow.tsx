import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDataSources } from '../data/sources';
import type { LegalArea } from '../reference/types';
import type { ManagedAuthority } from './types';

interface AuthorityRowProps {
  authority: ManagedAuthority;
  legalAreas: LegalArea[];
  onChange: (run: () => Promise<void>, done: string) => Promise<void>;
}

/** One authority of the country with what its coordinator may change about it. */
export function AuthorityRow({ authority, legalAreas, onChange }: AuthorityRowProps) {
  const { t } = useTranslation();
  const sources = useDataSources();
  const id = useId();
  const [area, setArea] = useState('');
  const name = (code: string) => legalAreas.find((item) => item.code === code)?.name ?? code;
  const grantable = legalAreas.filter((item) => !authority.legalAreas.includes(item.code));

  return (
    <li className="card">
      <h3 className="ecl-u-type-heading-3 card__title" lang={authority.officialNameLanguage}>
        {authority.officialName}
      </h3>
      <p>
        {[authority.city, t(`directory.levels.${authority.level}`), t(`admin.status.${authority.status}`)].filter(Boolean).join(' · ')}
      </p>
      <div className="form__actions">
        {authority.status === 'PENDING' && (
          <button type="button" className="ecl-button ecl-button--primary" onClick={() => onChange(() => sources.validateAuthority(authority), t('admin.validated'))}>
            {t('admin.validate')}
          </button>
        )}
        {authority.status !== 'PENDING' && (
          <button
            type="button"
            className="ecl-button ecl-button--secondary"
            onClick={() => onChange(() => sources.setAuthorityActive(authority, authority.status !== 'ACTIVE'), t('actions.saved'))}
          >
            {t(authority.status === 'ACTIVE' ? 'admin.deactivate' : 'admin.reactivate')}
          </button>
        )}
      </div>
      <h4 className="ecl-u-type-heading-4">{t('directory.legalArea')}</h4>
      {authority.legalAreas.length === 0 ? (
        <p className="empty">{t('admin.noLegalAreas')}</p>
      ) : (
        <ul className="chips">
          {authority.legalAreas.map((code) => (
            <li key={code}>
              {name(code)}{' '}
              <button
                type="button"
                className="ecl-button ecl-button--tertiary"
                aria-label={t('admin.revokeArea', { area: name(code) })}
                onClick={() => onChange(() => sources.revokeLegalArea(authority.id, code), t('actions.saved'))}
              >
                {t('admin.revoke')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {grantable.length > 0 && (
        <div className="inline-form">
          <label className="ecl-form-label" htmlFor={`${id}-area`}>
            {t('admin.grantLegalArea')}
          </label>
          <div className="ecl-select__container ecl-select__container--m">
            <select id={`${id}-area`} className="ecl-select" value={area} onChange={(event) => setArea(event.target.value)}>
              <option value="">{t('admin.chooseLegalArea')}</option>
              {grantable.map((item) => (
                <option key={item.code} value={item.code}>
                  {item.name}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            className="ecl-button ecl-button--secondary"
            disabled={!area}
            onClick={() => onChange(() => sources.grantLegalArea(authority.id, area), t('actions.saved')).then(() => setArea(''))}
          >
            {t('admin.grant')}
          </button>
        </div>
      )}
    </li>
  );
}
