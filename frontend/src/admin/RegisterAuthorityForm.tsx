import { useTranslation } from 'react-i18next';
import { useDataSources } from '../data/sources';
import { LANGUAGES, nativeName } from '../i18n/languages';
import { useLanguage } from '../i18n/useLanguage';
import { AUTHORITY_LEVELS, type AuthorityLevel } from '../reference/types';
import { Field } from '../ui/Field';
import { SecretIssuingForm } from '../ui/SecretIssuingForm';

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/** A coordinator registers an authority of its country (pending its validation), inviting its first administrator if asked. */
export function RegisterAuthorityForm({ country, onRegistered }: { country: string; onRegistered: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const sources = useDataSources();

  async function issue(form: FormData) {
    const registered = await sources.registerAuthority({
      country,
      level: text(form, 'level') as AuthorityLevel,
      officialName: text(form, 'officialName'),
      officialLanguage: text(form, 'officialLanguage'),
      city: text(form, 'city'),
      email: text(form, 'email'),
      administratorEmail: text(form, 'administratorEmail'),
    });
    return registered.invitationToken;
  }

  return (
    <SecretIssuingForm
      headingId="register-authority"
      title={t('admin.registerAuthority')}
      headingLevel={3}
      submitLabel={t('admin.register')}
      issue={issue}
      announcement={t('admin.registered')}
      onIssued={onRegistered}
      secretLabel={t('admin.invitationToken')}
    >
      <Field label={t('directory.officialName')}>{({ id }) => <input id={id} name="officialName" className="ecl-text-input ecl-text-input--l" required />}</Field>
      <Field label={t('admin.officialLanguage')}>
        {({ id }) => (
          <div className="ecl-select__container ecl-select__container--m">
            <select id={id} name="officialLanguage" className="ecl-select" defaultValue={language} required>
              {LANGUAGES.map((code) => (
                <option key={code} value={code} lang={code}>
                  {nativeName(code)}
                </option>
              ))}
            </select>
          </div>
        )}
      </Field>
      <Field label={t('directory.level')}>
        {({ id }) => (
          <div className="ecl-select__container ecl-select__container--m">
            <select id={id} name="level" className="ecl-select">
              {AUTHORITY_LEVELS.map((level) => (
                <option key={level} value={level}>
                  {t(`directory.levels.${level}`)}
                </option>
              ))}
            </select>
          </div>
        )}
      </Field>
      <Field label={t('admin.city')}>{({ id }) => <input id={id} name="city" className="ecl-text-input" />}</Field>
      <Field label={t('signIn.email')}>{({ id }) => <input id={id} name="email" type="email" className="ecl-text-input" />}</Field>
      <Field label={t('admin.administratorEmail')} hint={t('admin.administratorEmailHint')}>
        {({ id, describedBy }) => <input id={id} name="administratorEmail" type="email" className="ecl-text-input" aria-describedby={describedBy} />}
      </Field>
    </SecretIssuingForm>
  );
}
