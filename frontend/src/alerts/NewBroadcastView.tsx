import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AnswerInput } from '../catalogue/AnswerInput';
import type { AnswerEntry, CatalogueSection } from '../catalogue/types';
import { useDataSources } from '../data/sources';
import { useResource } from '../data/useResource';
import { useLanguage } from '../i18n/useLanguage';
import type { Procedure } from '../reference/types';
import { useRouter, useSearchParams } from '../router/Router';
import { pathOf } from '../router/routes';
import { useUser } from '../session/Session';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Field } from '../ui/Field';
import { useAnnounce } from '../ui/LiveRegion';
import { PageHeading } from '../ui/PageHeading';
import { ResourceView } from '../ui/ResourceView';
import { CountryPicker } from './CountryPicker';

/** The form's items that can be filled in before the alert exists (files are attached to an existing exchange). */
function fillableItems(sections: CatalogueSection[]): CatalogueSection[] {
  return sections.map((section) => ({ ...section, items: section.items.filter((item) => item.type !== 'ATTACHMENT') }));
}

function BroadcastForm({ procedure, sections }: { procedure: Procedure; sections: CatalogueSection[] }) {
  const { t } = useTranslation();
  const sources = useDataSources();
  const user = useUser();
  const announce = useAnnounce();
  const { navigate } = useRouter();
  const [form, setForm] = useState<AnswerEntry[]>(sections.flatMap((section) => section.items.map((item) => ({ item: item.id, type: item.type, value: item.type === 'MULTIPLE_CHOICE' ? [] : '' }))));
  const [countries, setCountries] = useState<string[]>([]);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const subject = String(new FormData(event.currentTarget).get('subject')).trim();
      const id = await sources.createBroadcast({ procedure: procedure.code, subject, form, countries });
      announce(t('compose.draftSaved'));
      navigate(pathOf({ name: 'broadcast', id }));
    } catch (failure) {
      setError(failure);
      setPending(false);
    }
  }

  const update = (next: AnswerEntry) => setForm(form.map((entry) => (entry.item === next.item ? next : entry)));
  return (
    <form className="form" onSubmit={submit}>
      <Field label={t('compose.subject')} hint={t('compose.subjectHint')}>
        {({ id, describedBy }) => <input id={id} name="subject" className="ecl-text-input ecl-text-input--l" aria-describedby={describedBy} required maxLength={200} />}
      </Field>
      {sections.map((section) => (
        <section key={section.id} className="form-section">
          <h2 className="ecl-u-type-heading-3">{section.title}</h2>
          {section.items.map((item) => {
            const entry = form.find((answer) => answer.item === item.id);
            return entry ? <AnswerInput key={item.id} item={item} entry={entry} onChange={update} /> : null;
          })}
        </section>
      ))}
      <CountryPicker ownCountry={user.authority.country} chosen={countries} onChange={setCountries} />
      {error !== null && <ErrorNotice error={error} />}
      <div className="form__actions">
        <button type="submit" className="ecl-button ecl-button--primary" disabled={pending}>
          {t('compose.saveDraft')}
        </button>
      </div>
    </form>
  );
}

/** A new alert or notification, from its procedure's form in the reader's language; saved as a draft to submit. */
export function NewBroadcastView() {
  const { t } = useTranslation();
  const sources = useDataSources();
  const language = useLanguage();
  const areas = useResource(() => sources.legalAreas(language), `areas/${language}`);
  const [params, setParams] = useSearchParams();
  const procedureCode = params.get('procedure') ?? '';
  const catalogue = useResource(() => (procedureCode ? sources.questionCatalogue(procedureCode, language) : Promise.resolve([])), `${procedureCode}/${language}`);
  const procedures = areas.status === 'ready' ? areas.data.flatMap((area) => area.procedures).filter((procedure) => procedure.kind === 'ALERT' || procedure.kind === 'NOTIFICATION') : [];
  const procedure = procedures.find((item) => item.code === procedureCode);

  return (
    <section className="narrow">
      <PageHeading title={t('alerts.create')}>{t('alerts.create')}</PageHeading>
      <p className="ecl-u-type-paragraph">{t('alerts.createIntro')}</p>
      <ResourceView resource={areas}>
        {() => (
          <Field label={t('compose.procedure')}>
            {({ id }) => (
              <div className="ecl-select__container ecl-select__container--l">
                <select id={id} className="ecl-select" value={procedureCode} onChange={(event) => setParams(new URLSearchParams(event.target.value ? { procedure: event.target.value } : {}))}>
                  <option value="">{t('compose.chooseProcedure')}</option>
                  {procedures.map((item) => (
                    <option key={item.code} value={item.code}>
                      {item.name}
                    </option>
                  ))}
                </select>
              </div>
            )}
          </Field>
        )}
      </ResourceView>
      {procedure && <ResourceView resource={catalogue}>{(sections) => <BroadcastForm key={procedure.code} procedure={procedure} sections={fillableItems(sections)} />}</ResourceView>}
    </section>
  );
}
