import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDataSources } from '../data/sources';
import { useResource } from '../data/useResource';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useAnnounce } from '../ui/LiveRegion';
import { PageHeading } from '../ui/PageHeading';
import { ResourceView } from '../ui/ResourceView';
import { ApiTokenRow } from './ApiTokenRow';
import { CreateApiTokenForm } from './CreateApiTokenForm';
import type { ApiToken } from './types';

/** Every signed-in official manages their own API tokens, for scripts and partner tools. */
export function ApiTokensView() {
  const { t } = useTranslation();
  const sources = useDataSources();
  const announce = useAnnounce();
  const tokens = useResource(() => sources.apiTokens(), 'apiTokens');
  const [error, setError] = useState<unknown>(null);

  async function revoke(token: ApiToken) {
    setError(null);
    try {
      await sources.revokeApiToken(token.prefix);
      announce(t('tokens.revoked', { name: token.name }));
    } catch (failure) {
      setError(failure);
    }
    tokens.reload();
  }

  return (
    <section>
      <PageHeading title={t('tokens.title')}>{t('tokens.title')}</PageHeading>
      <p className="ecl-u-type-paragraph">{t('tokens.intro')}</p>
      <section aria-labelledby="active-api-tokens">
        <h2 id="active-api-tokens" className="ecl-u-type-heading-2">
          {t('tokens.active')}
        </h2>
        {error !== null && <ErrorNotice error={error} />}
        <ResourceView resource={tokens}>
          {(rows) =>
            rows.length === 0 ? (
              <p className="empty">{t('tokens.none')}</p>
            ) : (
              <ul className="cards">
                {rows.map((token) => (
                  <ApiTokenRow key={token.prefix} token={token} onRevoke={revoke} />
                ))}
              </ul>
            )
          }
        </ResourceView>
      </section>
      <CreateApiTokenForm onCreated={tokens.reload} />
    </section>
  );
}
