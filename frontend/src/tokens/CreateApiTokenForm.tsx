import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OneTimeSecret } from '../admin/OneTimeSecret';
import { useDataSources } from '../data/sources';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Field } from '../ui/Field';
import { useAnnounce } from '../ui/LiveRegion';
import { useSecretIssuingForm } from '../ui/useSecretIssuingForm';
import { ScopesField } from './ScopesField';
import type { Scope } from './types';

/** The reader creates an API token for themselves; the bearer token is shown once, to copy into the script. */
export function CreateApiTokenForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const sources = useDataSources();
  const announce = useAnnounce();
  const [scopes, setScopes] = useState<Scope[]>([]);
  const { submit, pending, error, secret: token } = useSecretIssuingForm(
    async (form) => (await sources.createApiToken({ name: String(form.get('name')).trim(), scopes, days: Number(form.get('days')) })).token,
    () => {
      announce(t('tokens.created'));
      setScopes([]);
      onCreated();
    },
  );

  return (
    <form className="form" onSubmit={submit} aria-labelledby="create-api-token">
      <h2 id="create-api-token" className="ecl-u-type-heading-2">
        {t('tokens.create')}
      </h2>
      <Field label={t('tokens.name')} hint={t('tokens.nameHint')}>
        {({ id, describedBy }) => <input id={id} name="name" className="ecl-text-input ecl-text-input--l" aria-describedby={describedBy} maxLength={100} required />}
      </Field>
      <ScopesField chosen={scopes} onChange={setScopes} />
      <Field label={t('tokens.days')} hint={t('tokens.daysHint')}>
        {({ id, describedBy }) => (
          <input id={id} name="days" type="number" min={1} max={366} step={1} defaultValue={90} className="ecl-text-input ecl-text-input--s" aria-describedby={describedBy} required />
        )}
      </Field>
      {error !== null && <ErrorNotice error={error} />}
      {token && <OneTimeSecret label={t('tokens.newToken')} value={token} note={t('tokens.shownOnce')} />}
      <div className="form__actions">
        <button type="submit" className="ecl-button ecl-button--primary" disabled={pending}>
          {t('tokens.create')}
        </button>
      </div>
    </form>
  );
}
