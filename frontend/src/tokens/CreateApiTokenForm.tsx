import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDataSources } from '../data/sources';
import { Field } from '../ui/Field';
import { SecretIssuingForm } from '../ui/SecretIssuingForm';
import { ScopesField } from './ScopesField';
import type { Scope } from './types';

/** The reader creates an API token for themselves; the bearer token is shown once, to copy into the script. */
export function CreateApiTokenForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const sources = useDataSources();
  const [scopes, setScopes] = useState<Scope[]>([]);

  return (
    <SecretIssuingForm
      headingId="create-api-token"
      title={t('tokens.create')}
      headingLevel={2}
      submitLabel={t('tokens.create')}
      issue={async (form) => (await sources.createApiToken({ name: String(form.get('name')).trim(), scopes, days: Number(form.get('days')) })).token}
      announcement={t('tokens.created')}
      onIssued={() => {
        setScopes([]);
        onCreated();
      }}
      secretLabel={t('tokens.newToken')}
      secretNote={t('tokens.shownOnce')}
    >
      <Field label={t('tokens.name')} hint={t('tokens.nameHint')}>
        {({ id, describedBy }) => <input id={id} name="name" className="ecl-text-input ecl-text-input--l" aria-describedby={describedBy} maxLength={100} required />}
      </Field>
      <ScopesField chosen={scopes} onChange={setScopes} />
      <Field label={t('tokens.days')} hint={t('tokens.daysHint')}>
        {({ id, describedBy }) => (
          <input id={id} name="days" type="number" min={1} max={366} step={1} defaultValue={90} className="ecl-text-input ecl-text-input--s" aria-describedby={describedBy} required />
        )}
      </Field>
    </SecretIssuingForm>
  );
}
