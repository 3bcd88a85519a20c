import { useTranslation } from 'react-i18next';
import { useUser } from '../session/Session';
import { hasProfile } from '../session/types';
import { PageHeading } from '../ui/PageHeading';
import { AuthoritiesSection } from './AuthoritiesSection';
import { UsersSection } from './UsersSection';

/** Coordinators manage the authorities of their country; local data administrators the users of their authority. */
export function AdminView() {
  const { t } = useTranslation();
  const user = useUser();
  const administersUsers = hasProfile(user, 'LOCAL_DATA_ADMINISTRATOR');
  return (
    <section>
      <PageHeading title={t('admin.title')}>{t('admin.title')}</PageHeading>
      <p className="ecl-u-type-paragraph">{t('admin.intro')}</p>
      {!user.authority.coordinator && !administersUsers && <p className="notice">{t('admin.nothingToAdminister')}</p>}
      {user.authority.coordinator && <AuthoritiesSection country={user.authority.country} />}
      {administersUsers && <UsersSection />}
    </section>
  );
}
