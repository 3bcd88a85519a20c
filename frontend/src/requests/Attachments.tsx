import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format';
import { useLanguage } from '../i18n/useLanguage';
import type { Attachment } from './types';

export function Attachments({ files }: { files: Attachment[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (files.length === 0) return <p className="empty">{t('request.noAttachments')}</p>;
  return (
    <ul className="attachments">
      {files.map((file) => (
        <li key={file.id}>
          <a className="ecl-link" href={file.url} download={file.filename}>
            {file.filename}
          </a>{' '}
          ({t('request.kilobytes', { size: formatNumber(language, Math.max(1, Math.round(file.size / 1024))) })})
        </li>
      ))}
    </ul>
  );
}
