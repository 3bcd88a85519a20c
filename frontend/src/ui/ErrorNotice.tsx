import { useTranslation } from 'react-i18next';
import { DataError, errorKind } from '../data/errors';

/**
 * An error explained in the reader's language, announced by screen readers as it appears. The fields a validation
 * refused are listed with the server's own words (in English); a version conflict offers to reload.
 */
export function ErrorNotice({ error, onReload }: { error: unknown; onReload?: () => void }) {
  const { t } = useTranslation();
  const kind = errorKind(error);
  const problems = error instanceof DataError ? error.problems : [];
  return (
    <div className="ecl-notification ecl-notification--error notice notice--error" role="alert">
      <div className="ecl-notification__content">
        <p className="ecl-notification__title">{t('errors.title')}</p>
        <p className="ecl-notification__description">{t(`errors.${kind}`)}</p>
        {problems.length > 0 && (
          <ul className="notice__problems" lang="en">
            {problems.map((problem) => (
              <li key={`${problem.field}:${problem.message}`}>
                <code>{problem.field}</code>: {problem.message}
              </li>
            ))}
          </ul>
        )}
        {kind === 'staleVersion' && onReload && (
          <button type="button" className="ecl-button ecl-button--secondary" onClick={onReload}>
            {t('errors.reload')}
          </button>
        )}
      </div>
    </div>
  );
}
