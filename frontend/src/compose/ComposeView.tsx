import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDataSources } from '../data/sources';
import { useResource } from '../data/useResource';
import { useAnnounce } from '../ui/LiveRegion';
import { Field } from '../ui/Field';
import { PageHeading } from '../ui/PageHeading';

export function ComposeView() {
  const { t } = useTranslation();
  const sources = useDataSources();
  const announce = useAnnounce();
  const procedures = useResource(() => sources.procedures(), 'procedures');
  const [missing, setMissing] = useState(false);

  function saveDraft(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const valid = event.currentTarget.checkValidity();
    setMissing(!valid);
    announce(valid ? t('compose.draftSaved') : t('errors.validationFailed'), valid ? 'polite' : 'assertive');
  }

  return (
    <section className="narrow">
      <PageHeading title={t('compose.title')}>{t('compose.title')}</PageHeading>
      <p className="ecl-u-type-paragraph">{t('compose.intro')}</p>
      {missing && <p className="notice notice--error">{t('errors.validationFailed')}</p>}
      <form className="form" noValidate onSubmit={saveDraft}>
        <Field label={t('compose.procedure')}>
          {({ id }) => (
            <div className="ecl-select__container ecl-select__container--l">
              <select id={id} name="procedure" className="ecl-select" required defaultValue="">
                <option value="" disabled>
                  {t('compose.chooseProcedure')}
                </option>
                {procedures.status === 'ready' &&
                  procedures.data.map((procedure) => (
                    <option key={procedure.code} value={procedure.code}>
                      {procedure.name}
                    </option>
                  ))}
              </select>
            </div>
          )}
        </Field>
        <Field label={t('compose.counterpart')} hint={t('compose.counterpartHint')}>
          {({ id, describedBy }) => (
            <input id={id} name="counterpart" type="search" className="ecl-text-input ecl-text-input--l" aria-describedby={describedBy} required />
          )}
        </Field>
        <fieldset className="ecl-form-group field">
          <legend className="ecl-form-label">{t('compose.questions')}</legend>
          <p className="ecl-help-block">{t('compose.questionsHint')}</p>
        </fieldset>
        <Field label={t('compose.message')} hint={t('compose.messageHint')}>
          {({ id, describedBy }) => (
            <textarea id={id} name="message" className="ecl-text-area ecl-text-area--l" rows={5} aria-describedby={describedBy} />
          )}
        </Field>
        <Field label={t('compose.replyDate')} hint={t('compose.replyDateHint')}>
          {({ id, describedBy }) => (
            <input id={id} name="replyDate" type="date" className="ecl-text-input" aria-describedby={describedBy} required />
          )}
        </Field>
        <div className="form__actions">
          <button type="submit" className="ecl-button ecl-button--secondary">
            {t('compose.saveDraft')}
          </button>
        </div>
      </form>
    </section>
  );
}
