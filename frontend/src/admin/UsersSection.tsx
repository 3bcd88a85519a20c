import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDataSources } from '../data/sources';
import { useResource } from '../data/useResource';
import { useLanguage } from '../i18n/useLanguage';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useAnnounce } from '../ui/LiveRegion';
import { ResourceView } from '../ui/ResourceView';
import { AddUserForm } from './AddUserForm';
import { UserRow } from './UserRow';

/** The users of the local data administrator's authority. */
export function UsersSection() {
  const { t } = useTranslation();
  const sources = useDataSources();
  const language = useLanguage();
  const announce = useAnnounce();
  const users = useResource(() => sources.users(), 'users');
  const areas = useResource(() => sources.legalAreas(language), `areas/${language}`);
  const legalAreas = areas.status === 'ready' ? areas.data : [];
  const [error, setError] = useState<unknown>(null);

  async function change(run: () => Promise<void>) {
    setError(null);
    try {
      await run();
      announce(t('actions.saved'));
    } catch (failure) {
      setError(failure);
    }
    users.reload();
  }

  return (
    <section aria-labelledby="admin-users">
      <h2 id="admin-users" className="ecl-u-type-heading-2">
        {t('admin.users')}
      </h2>
      {error !== null && <ErrorNotice error={error} />}
      <ResourceView resource={users}>
        {(rows) => (
          <ul className="cards">
            {rows.map((user) => (
              <UserRow key={user.id} user={user} legalAreas={legalAreas} onChange={change} />
            ))}
          </ul>
        )}
      </ResourceView>
      <AddUserForm legalAreas={legalAreas} onAdded={users.reload} />
    </section>
  );
}
