import { useTranslation } from 'react-i18next';
import type { RequestAction } from './types';

/** Only the actions the reader may take on the request in its current state. */
export function ActionBar({ actions, pending, onAction }: { actions: RequestAction[]; pending: boolean; onAction: (action: RequestAction) => void }) {
  const { t } = useTranslation();
  if (actions.length === 0) return <p>{t('request.noActions')}</p>;
  return (
    <ul className="action-bar">
      {actions.map((action, index) => (
        <li key={action}>
          <button
            type="button"
            className={index === 0 ? 'ecl-button ecl-button--primary' : 'ecl-button ecl-button--secondary'}
            disabled={pending}
            onClick={() => onAction(action)}
          >
            {t(`actions.${action}`)}
          </button>
        </li>
      ))}
    </ul>
  );
}
