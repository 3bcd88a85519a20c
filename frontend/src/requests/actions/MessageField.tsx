import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field';

/** Free text sent with an action; it is machine translated for the other side, and the original kept. */
export function MessageField({ name = 'message', required = false, label }: { name?: string; required?: boolean; label?: string }) {
  const { t } = useTranslation();
  return (
    <Field label={label ?? (required ? t('request.messageRequired') : t('request.messageOptional'))} hint={t('compose.messageHint')}>
      {({ id, describedBy }) => <textarea id={id} name={name} className="ecl-text-area ecl-text-area--l" rows={4} aria-describedby={describedBy} required={required} />}
    </Field>
  );
}
