import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueSection } from '../catalogue/types';
import { useDataSources } from '../data/sources';
import { useResource } from '../data/useResource';
import { AuthorityPicker } from '../directory/AuthorityPicker';
import type { AuthoritySummary } from '../directory/types';
import { useLanguage } from '../i18n/useLanguage';
import type { Procedure } from '../reference/types';
import { useRouter, useSearchParams } from '../router/Router';
import { pathOf } from '../router/routes';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Field } from '../ui/Field';
import { useAnnounce } from '../ui/LiveRegion';
import { PageHeading } from '../ui/PageHeading';
import { ResourceView } from '../ui/ResourceView';
import { PersonalDataFields, type PersonalDataEntries } from './PersonalDataFields';
import { QuestionPicker, type ChosenQuestions } from './QuestionPicker';

/** Today plus `days`, as YYYY-MM-DD. */
export function daysFromToday(days: number, today = new Date()): string {
  const date = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + days));
  return date.toISOString().slice(0, 10);
}

function RequestForm({ procedure, sections }: { procedure: Procedure; sections: CatalogueSection[] }) {
  const { t } = useTranslation();
  const sources = useDataSources();
  const announce = useAnnounce();
  const { navigate } = useRouter();
  const [counterpart, setCounterpart] = useState<AuthoritySummary[]>([]);
  const [questions, setQuestions] = useState<ChosenQuestions>([]);
  const [personalData, setPersonalData] = useState<PersonalDataEntries>([]);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const send = (event.nativeEvent as SubmitEvent).submitter?.getAttribute('value') === 'send';
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const id = await sources.createRequest(
        {
          procedure: procedure.code,
          subject: String(form.get('subject')).trim(),
          respondingAuthorityId: counterpart[0]?.id ?? '',
          requestedReplyDate: String(form.get('replyDate')),
          questions,
          personalData,
        },
        send,
      );
      announce(t(send ? 'compose.sent' : 'compose.draftSaved'));
      navigate(pathOf({ name: 'request', id }));
    } catch (failure) {
      setError(failure);
      setPending(false);
    }
  }

  return (
    <form className="form" onSubmit={submit}>
      <AuthorityPicker legend={t('compose.counterpart')} filters={{ procedure: procedure.code }} selected={counterpart} onChange={setCounterpart} />
      <Field label={t('compose.subject')} hint={t('compose.subjectHint')}>
        {({ id, describedBy }) => <input id={id} name="subject" className="ecl-text-input ecl-text-input--l" aria-describedby={describedBy} required maxLength={200} />}
      </Field>
      <h2 className="ecl-u-type-heading-2">{t('compose.questions')}</h2>
      <QuestionPicker sections={sections} chosen={questions} onChange={setQuestions} />
      <PersonalDataFields fields={procedure.personalDataFields} entries={personalData} onChange={setPersonalData} />
      <Field label={t('compose.replyDate')} hint={t('compose.replyDateHint')}>
        {({ id, describedBy }) => (
          <input id={id} name="replyDate" type="date" className="ecl-text-input" aria-describedby={describedBy} min={daysFromToday(1)} defaultValue={daysFromToday(procedure.defaultReplyDays)} required />
        )}
      </Field>
      {error !== null && <ErrorNotice error={error} />}
      <div className="form__actions">
        <button type="submit" name="intent" value="send" className="ecl-button ecl-button--primary" disabled={pending || counterpart.length === 0}>
          {t('compose.send')}
        </button>
        <button type="submit" name="intent" value="draft" className="ecl-button ecl-button--secondary" disabled={pending}>
          {t('compose.saveDraft')}
        </button>
      </div>
    </form>
  );
}

/** A new information request: procedure, counterpart found by search, questions from the catalogue, reply date. */
export function ComposeView() {
  const { t } = useTranslation();
  const sources = useDataSources();
  const language = useLanguage();
  const areas = useResource(() => sources.legalAreas(language), `areas/${language}`);
  const [params, setParams] = useSearchParams();
  const procedureCode = params.get('procedure') ?? '';
  const catalogue = useResource(() => (procedureCode ? sources.questionCatalogue(procedureCode, language) : Promise.resolve([])), `${procedureCode}/${language}`);
  const procedures = areas.status === 'ready' ? areas.data.flatMap((area) => area.procedures).filter((procedure) => procedure.kind === 'REQUEST') : [];
  const procedure = procedures.find((item) => item.code === procedureCode);

  return (
    <section className="narrow">
      <PageHeading title={t('compose.title')}>{t('compose.title')}</PageHeading>
      <p className="ecl-u-type-paragraph">{t('compose.intro')}</p>
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
      {procedure && <ResourceView resource={catalogue}>{(sections) => <RequestForm key={procedure.code} procedure={procedure} sections={sections} />}</ResourceView>}
    </section>
  );
}
