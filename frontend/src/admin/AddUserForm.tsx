import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDataSources } from '../data/sources';
import { LANGUAGES, nativeName } from '../i18n/languages';
import { useLanguage } from '../i18n/useLanguage';
import type { LegalArea } from '../reference/types';
import type { Right } from '../session/types';
import { Field } from '../ui/Field';
import { SecretIssuingForm } from '../ui/SecretIssuingForm';
import { RightsEditor } from './RightsEditor';

/** A local data administrator adds a user to its authority; the user sets a password with the token shown once. */
export function AddUserForm({ legalAreas, onAdded }: { legalAreas: LegalArea[]; onAdded: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const sources = useDataSources();
  const [rights, setRights] = useState<Right[]>([{ legalArea: null, profile: 'REQUEST_HANDLER' }]);

  async function issue(form: FormData) {
    const added = await sources.addUser({
      fullName: String(form.get('fullName')).trim(),
      email: String(form.get('email')).trim(),
      language: String(form.get('language')),
      rights,
    });
    return added.setPasswordToken;
  }

  return (
    <SecretIssuingForm
      headingId="add-user"
      title={t('admin.addUser')}
      headingLevel={3}
      submitLabel={t('admin.addUser')}
      issue={issue}
      announcement={t('admin.userAdded')}
      onIssued={onAdded}
      secretLabel={t('admin.setPasswordToken')}
    >
      <Field label={t('admin.fullName')}>{({ id }) => <input id={id} name="fullName" className="ecl-text-input ecl-text-input--l" required />}</Field>
      <Field label={t('signIn.email')}>{({ id }) => <input id={id} name="email" type="email" className="ecl-text-input ecl-text-input--l" required />}</Field>
      <Field label={t('admin.language')}>
        {({ id }) => (
          <div className="ecl-select__container ecl-select__container--m">
            <select id={id} name="language" className="ecl-select" defaultValue={language}>
              {LANGUAGES.map((code) => (
                <option key={code} value={code} lang={code}>
                  {nativeName(code)}
                </option>
              ))}
            </select>
          </div>
        )}
      </Field>
      <RightsEditor rights={rights} legalAreas={legalAreas} onChange={setRights} />
    </SecretIssuingForm>
  );
}
