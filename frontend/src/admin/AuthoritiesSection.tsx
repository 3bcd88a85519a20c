import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDataSources } from '../data/sources';
import { useResource } from '../data/useResource';
import { countryName } from '../i18n/format';
import { useLanguage } from '../i18n/useLanguage';
import type { LegalArea } from '../reference/types';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useAnnounce } from '../ui/LiveRegion';
import { ResourceView } from '../ui/ResourceView';
import { AuthorityRow } from './AuthorityRow';
import { RegisterAuthorityForm } from './RegisterAuthorityForm';

/** The authorities of the coordinator's country: validate, deactivate or reactivate, grant and revoke legal areas. */
export function AuthoritiesSection({ country }: { country: string }) {
  const { t } = useTranslation();
  const sources = useDataSources();
  const language = useLanguage();
  const announce = useAnnounce();
  const authorities = useResource(() => sources.managedAuthorities(country), `authorities/${country}`);
  const areas = useResource(() => sources.legalAreas(language), `areas/${language}`);
  const legalAreas: LegalArea[] = areas.status === 'ready' ? areas.data : [];
  const [error, setError] = useState<unknown>(null);

  /** Runs a change, then reads the list again (versions move on with every change). */
  async function change(run: () => Promise<void>, done: string) {
    setError(null);
    try {
      await run();
      announce(done);
    } catch (failure) {
      setError(failure);
    }
    authorities.reload();
  }

  return (
    <section aria-labelledby="admin-authorities">
      <h2 id="admin-authorities" className="ecl-u-type-heading-2">
        {t('admin.authoritiesOf', { country: countryName(language, country) })}
      </h2>
      {error !== null && <ErrorNotice error={error} />}
      <ResourceView resource={authorities}>
        {(rows) => (
          <ul className="cards">
            {rows.map((authority) => (
              <AuthorityRow key={authority.id} authority={authority} legalAreas={legalAreas} onChange={change} />
            ))}
          </ul>
        )}
      </ResourceView>
      <RegisterAuthorityForm country={country} onRegistered={authorities.reload} />
    </section>
  );
}
