import { useTranslation } from 'react-i18next';
import { formatDate } from '../i18n/format';
import { useLanguage } from '../i18n/useLanguage';
import type { ApiToken } from './types';

/** One active token: its name, public prefix, what it may do and until when, and the way to revoke it. */
export function ApiTokenRow({ token, onRevoke }: { token: ApiToken; onRevoke: (token: ApiToken) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <li className="card">
      <h3 className="ecl-u-type-heading-3 card__title">{token.name}</h3>
      <p>
        <code>{token.prefix}</code>
      </p>
      <ul>
        {token.scopes.map((scope) => (
          <li key={scope}>{t(`tokens.scope.${scope}`)}</li>
        ))}
      </ul>
      <p>
        {t('tokens.createdOn', { date: formatDate(language, token.createdAt) })} · {t('tokens.expiresOn', { date: formatDate(language, token.expiresAt) })}
      </p>
      <div className="form__actions">
        <button type="button" className="ecl-button ecl-button--secondary" onClick={() => onRevoke(token)} aria-label={t('tokens.revokeNamed', { name: token.name })}>
          {t('tokens.revoke')}
        </button>
      </div>
    </li>
  );
}
