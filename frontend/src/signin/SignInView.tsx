import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DataError } from '../data/errors';
import { useSession } from '../session/Session';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Field } from '../ui/Field';
import { PageHeading } from '../ui/PageHeading';

/** Wrong credentials are a refusal of the sign-in, said plainly; other failures are explained as usual. */
function signInError(failure: unknown): unknown {
  return failure instanceof DataError && failure.kind === 'validationFailed' ? new DataError('signInFailed') : failure;
}

export function SignInView() {
  const { t } = useTranslation();
  const session = useSession();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      await session.signIn(String(form.get('email')), String(form.get('password')));
    } catch (failure) {
      setError(signInError(failure));
      setPending(false);
    }
  }

  return (
    <section className="narrow">
      <PageHeading title={t('signIn.title')}>{t('signIn.title')}</PageHeading>
      <p className="ecl-u-type-paragraph">{t('signIn.intro')}</p>
      {error !== null && <ErrorNotice error={error} />}
      <form onSubmit={submit} className="form">
        <Field label={t('signIn.email')}>
          {({ id }) => <input id={id} name="email" type="email" className="ecl-text-input" autoComplete="username" required />}
        </Field>
        <Field label={t('signIn.password')}>
          {({ id }) => <input id={id} name="password" type="password" className="ecl-text-input" autoComplete="current-password" required />}
        </Field>
        <button type="submit" className="ecl-button ecl-button--primary" disabled={pending}>
          {pending ? t('signIn.inProgress') : t('signIn.submit')}
        </button>
      </form>
    </section>
  );
}
