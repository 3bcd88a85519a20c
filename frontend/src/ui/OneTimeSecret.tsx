import { useTranslation } from 'react-i18next';

/** A secret the server shows only once (an invitation, a set-password or an API token); `note` says what to do with it. */
export function OneTimeSecret({ label, value, note }: { label: string; value: string; note?: string }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice--success" role="status">
      <p className="notice__title">{label}</p>
      <p>
        <code className="secret">{value}</code>
      </p>
      <p className="ecl-help-block">{note ?? t('admin.shownOnce')}</p>
    </div>
  );
}
