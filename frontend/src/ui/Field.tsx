import { useId, type ReactNode } from 'react';

/** A labelled form field with an optional hint, in the ECL form-group layout. */
export function Field({ label, hint, children }: { label: string; hint?: string; children: (ids: { id: string; describedBy?: string }) => ReactNode }) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="ecl-form-group field">
      <label className="ecl-form-label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div className="ecl-help-block" id={hintId}>
          {hint}
        </div>
      )}
      {children({ id, describedBy: hintId })}
    </div>
  );
}
