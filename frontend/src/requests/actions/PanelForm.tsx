import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface PanelFormProps {
  title: string;
  submitLabel: string;
  pending: boolean;
  onSubmit: (form: FormData) => void;
  onCancel: () => void;
  children: ReactNode;
}

/** The form of one action, opened below the action buttons: its heading takes the focus, Cancel closes it. */
export function PanelForm({ title, submitLabel, pending, onSubmit, onCancel, children }: PanelFormProps) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit(new FormData(event.currentTarget));
  }

  return (
    <form className="form action-panel" onSubmit={submit} aria-label={title}>
      <h3 className="ecl-u-type-heading-3" tabIndex={-1} ref={heading}>
        {title}
      </h3>
      {children}
      <div className="form__actions">
        <button type="submit" className="ecl-button ecl-button--primary" disabled={pending}>
          {submitLabel}
        </button>
        <button type="button" className="ecl-button ecl-button--secondary" onClick={onCancel}>
          {t('actions.cancel')}
        </button>
      </div>
    </form>
  );
}
