import { useTranslation } from 'react-i18next';
import type { AvailableAction } from '../workflow/labels';

/** A button for each action the reader may take now, labelled as the procedure labels it; the chosen one pressed. */
export function ActionBar<Action extends string>({ actions, chosen, pending, onChoose }: { actions: AvailableAction<Action>[]; chosen: Action | null; pending: boolean; onChoose: (action: AvailableAction<Action>) => void }) {
  const { t } = useTranslation();
  if (actions.length === 0) return <p>{t('request.noActions')}</p>;
  return (
    <ul className="action-bar">
      {actions.map((item, index) => (
        <li key={item.action}>
          <button
            type="button"
            className={index === 0 ? 'ecl-button ecl-button--primary' : 'ecl-button ecl-button--secondary'}
            aria-pressed={chosen === item.action}
            data-action={item.action}
            disabled={pending}
            onClick={() => onChoose(item)}
          >
            {item.label}
          </button>
        </li>
      ))}
    </ul>
  );
}
