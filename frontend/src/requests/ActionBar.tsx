import { useTranslation } from 'react-i18next';
import type { ExchangeKind } from '../reference/types';
import { actionLabel } from '../workflow/labels';

/** A button for each action the reader may take now (as the API lists them), the chosen one pressed. */
export function ActionBar<Action extends string>({ kind, actions, chosen, pending, onChoose }: { kind: ExchangeKind; actions: Action[]; chosen: Action | null; pending: boolean; onChoose: (action: Action) => void }) {
  const { t } = useTranslation();
  if (actions.length === 0) return <p>{t('request.noActions')}</p>;
  return (
    <ul className="action-bar">
      {actions.map((action, index) => (
        <li key={action}>
          <button
            type="button"
            className={index === 0 ? 'ecl-button ecl-button--primary' : 'ecl-button ecl-button--secondary'}
            aria-pressed={chosen === action}
            disabled={pending}
            onClick={() => onChoose(action)}
          >
            {actionLabel(t, kind, action)}
          </button>
        </li>
      ))}
    </ul>
  );
}
