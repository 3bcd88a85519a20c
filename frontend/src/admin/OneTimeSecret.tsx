import { useTranslation } from 'react-i18next';

/** A secret the server shows only once (an invitation or a set-password token), to hand on to its owner. */
export function OneTimeSecret({ label, value }: { label: string; value: string }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice--success" role="status">
      <p className="notice__title">{label}</p>
      <p>
        <code className="secret">{value}</code>
      </p>
      <p className="ecl-help-block">{t('admin.shownOnce')}</p>
    </div>
  );
}
