import { useRef, useState, type FormEvent } from 'react';

/**
 * The submission of a form that issues a secret shown once (a token, an invitation): one submission at a time
 * (a second press while the first runs is ignored, and `pending` disables the button), the secret kept to show,
 * the form emptied after success and `done` called, a failure kept to explain.
 */
export function useSecretIssuingForm(issue: (form: FormData) => Promise<string | null>, done: () => void) {
  const running = useRef(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [secret, setSecret] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (running.current) return;
    const element = event.currentTarget;
    running.current = true;
    setPending(true);
    setError(null);
    setSecret(null);
    try {
      setSecret(await issue(new FormData(element)));
      element.reset();
      done();
    } catch (failure) {
      setError(failure);
    } finally {
      running.current = false;
      setPending(false);
    }
  }

  return { submit, pending, error, secret };
}
