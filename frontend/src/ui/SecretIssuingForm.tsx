import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ErrorNotice } from './ErrorNotice';
import { useAnnounce } from './LiveRegion';
import { OneTimeSecret } from './OneTimeSecret';

interface SecretIssuingFormProps {
  /** The id of the form's heading, which labels the form. */
  headingId: string;
  title: string;
  headingLevel: 2 | 3;
  submitLabel: string;
  /** Sends the form; the secret the server shows once (a token, an invitation), or null if there is none. */
  issue: (form: FormData) => Promise<string | null>;
  /** Announced when the secret is issued. */
  announcement: string;
  onIssued: () => void;
  secretLabel: string;
  secretNote?: string;
  children: ReactNode;
}

/**
 * A form that issues a secret shown once: one submission at a time (a second press while the first runs is
 * ignored, and the button is disabled), then the secret shown, the form emptied, the success announced and
 * `onIssued` called; a failure is explained.
 */
export function SecretIssuingForm({ headingId, title, headingLevel, submitLabel, issue, announcement, onIssued, secretLabel, secretNote, children }: SecretIssuingFormProps) {
  const announce = useAnnounce();
  const running = useRef(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

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
      announce(announcement);
      onIssued();
    } catch (failure) {
      setError(failure);
    } finally {
      running.current = false;
      setPending(false);
    }
  }

  return (
    <form className="form" onSubmit={submit} aria-labelledby={headingId}>
      <Heading id={headingId} className={`ecl-u-type-heading-${headingLevel}`}>
        {title}
      </Heading>
      {children}
      {error !== null && <ErrorNotice error={error} />}
      {secret && <OneTimeSecret label={secretLabel} value={secret} note={secretNote} />}
      <div className="form__actions">
        <button type="submit" className="ecl-button ecl-button--primary" disabled={pending}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
