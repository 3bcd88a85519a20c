import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDataSources } from '../data/sources';
import { useRouter } from '../router/Router';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Field } from '../ui/Field';
import { PageHeading } from '../ui/PageHeading';

export function SignInView() {
  const { t } = useTranslation();
  const sources = useDataSources();
  const { navigate } = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      await sources.signIn(String(form.get('username')), String(form.get('password')));
      navigate('/');
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  }

  return (
    <section className="narrow">
      <PageHeading title={t('signIn.title')}>{t('signIn.title')}</PageHeading>
      <p className="ecl-u-type-paragraph">{t('signIn.intro')}</p>
      {error !== null && <ErrorNotice error={error} />}
      <form onSubmit={submit} className="form">
        <Field label={t('signIn.username')}>
          {({ id }) => <input id={id} name="username" className="ecl-text-input" autoComplete="username" required />}
        </Field>
        <Field label={t('signIn.password')}>
          {({ id }) => (
            <input id={id} name="password" type="password" className="ecl-text-input" autoComplete="current-password" required />
          )}
        </Field>
        <button type="submit" className="ecl-button ecl-button--primary" disabled={pending}>
          {pending ? t('signIn.inProgress') : t('signIn.submit')}
        </button>
      </form>
    </section>
  );
}
