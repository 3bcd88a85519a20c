import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from '../router/Router';
import { Field } from '../ui/Field';
import type { Period } from './types';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The period in the address (`?from=…&to=…`), else the last full calendar year. */
export function periodFrom(params: URLSearchParams, today = new Date()): Period {
  const from = params.get('from');
  const to = params.get('to');
  if (from && to && DATE.test(from) && DATE.test(to) && from <= to) return { from, to };
  const year = today.getUTCFullYear() - 1;
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

export function usePeriod(): Period {
  const [params] = useSearchParams();
  return periodFrom(params);
}

export function PeriodPicker() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const period = periodFrom(params);
  const [invalid, setInvalid] = useState(false);

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const from = String(form.get('from'));
    const to = String(form.get('to'));
    const valid = DATE.test(from) && DATE.test(to) && from <= to;
    setInvalid(!valid);
    if (!valid) return;
    const next = new URLSearchParams(params);
    next.set('from', from);
    next.set('to', to);
    setParams(next);
  }

  return (
    <form className="period-picker" onSubmit={apply} aria-label={t('period.label')} key={`${period.from}/${period.to}`}>
      <Field label={t('period.from')}>
        {({ id }) => <input id={id} name="from" type="date" className="ecl-text-input" defaultValue={period.from} required />}
      </Field>
      <Field label={t('period.to')}>
        {({ id }) => <input id={id} name="to" type="date" className="ecl-text-input" defaultValue={period.to} required />}
      </Field>
      <button type="submit" className="ecl-button ecl-button--secondary">
        {t('period.apply')}
      </button>
      {invalid && (
        <p className="notice notice--error" role="alert">
          {t('period.invalid')}
        </p>
      )}
    </form>
  );
}
