import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDataSources } from '../data/sources';
import { nativeName, isLanguage } from '../i18n/languages';
import type { LegalArea } from '../reference/types';
import type { Right } from '../session/types';
import { RightsEditor } from './RightsEditor';
import type { ManagedUser } from './types';

function rightLabel(right: Right, legalAreas: LegalArea[], all: string, profile: string): string {
  const area = right.legalArea ? (legalAreas.find((item) => item.code === right.legalArea)?.name ?? right.legalArea) : all;
  return `${profile} (${area})`;
}

/** One user of the authority: their rights (editable) and whether they may sign in. */
export function UserRow({ user, legalAreas, onChange }: { user: ManagedUser; legalAreas: LegalArea[]; onChange: (run: () => Promise<void>) => Promise<void> }) {
  const { t } = useTranslation();
  const sources = useDataSources();
  const [editing, setEditing] = useState<Right[] | null>(null);
  return (
    <li className="card">
      <h3 className="ecl-u-type-heading-3 card__title">{user.fullName}</h3>
      <p>
        {user.email} · {isLanguage(user.language) ? <span lang={user.language}>{nativeName(user.language)}</span> : user.language} ·{' '}
        {t(user.active ? 'admin.status.ACTIVE' : 'admin.status.INACTIVE')}
      </p>
      {editing ? (
        <>
          <RightsEditor rights={editing} legalAreas={legalAreas} onChange={setEditing} />
          <div className="form__actions">
            <button type="button" className="ecl-button ecl-button--primary" onClick={() => onChange(() => sources.setUserRights(user.id, editing)).then(() => setEditing(null))}>
              {t('actions.save')}
            </button>
            <button type="button" className="ecl-button ecl-button--secondary" onClick={() => setEditing(null)}>
              {t('actions.cancel')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p>
            {t('admin.rights')}:{' '}
            {user.rights.length === 0 ? t('admin.noRights') : user.rights.map((right) => rightLabel(right, legalAreas, t('admin.allLegalAreas'), t(`profiles.${right.profile}`))).join('; ')}
          </p>
          <div className="form__actions">
            <button type="button" className="ecl-button ecl-button--secondary" onClick={() => setEditing(user.rights)} aria-label={t('admin.editRightsOf', { name: user.fullName })}>
              {t('admin.editRights')}
            </button>
            <button type="button" className="ecl-button ecl-button--tertiary" onClick={() => onChange(() => sources.setUserActive(user.id, !user.active))}>
              {t(user.active ? 'admin.deactivate' : 'admin.reactivate')}
            </button>
          </div>
        </>
      )}
    </li>
  );
}
