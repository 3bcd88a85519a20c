import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session/Session';
import { ErrorNotice } from '../ui/ErrorNotice';

/** Who is signed in, for which authority, and the way to sign out. */
export function UserMenu() {
  const { t } = useTranslation();
  const session = useSession();
  const [error, setError] = useState<unknown>(null);
  const { user } = session;
  if (!user) return null;
  return (
    <div className="user-menu">
      <p className="user-menu__who">
        {t('app.signedInAs', { name: user.fullName })}
        <span className="user-menu__authority" lang={user.authority.language}>
          {user.authority.name}
        </span>
      </p>
      <button type="button" className="ecl-button ecl-button--tertiary" onClick={() => session.signOut().catch(setError)}>
        {t('app.signOut')}
      </button>
      {error !== null && <ErrorNotice error={error} />}
    </div>
  );
}
