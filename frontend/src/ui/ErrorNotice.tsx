import { useTranslation } from 'react-i18next';
import { errorKind, errorMessageKey } from './errors';

/** An error explained in the reader's language, announced by screen readers as it appears. */
export function ErrorNotice({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <div className="ecl-notification ecl-notification--error notice notice--error" role="alert">
      <div className="ecl-notification__content">
        <p className="ecl-notification__title">{t('errors.title')}</p>
        <p className="ecl-notification__description">{t(errorMessageKey(errorKind(error)))}</p>
      </div>
    </div>
  );
}
