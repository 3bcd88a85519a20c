import { useTranslation } from 'react-i18next';
import { Link } from '../router/Link';
import { useSession } from '../session/Session';
import { LanguageSwitcher } from './LanguageSwitcher';
import { Navigation } from './Navigation';
import { UserMenu } from './UserMenu';

export function SiteHeader() {
  const { t } = useTranslation();
  const { user } = useSession();
  return (
    <header className="site-header">
      <a className="ecl-skip-link skip-link" href="#main-content">
        {t('app.skipToContent')}
      </a>
      <div className="site-header__top ecl-container">
        <Link className="site-header__brand" href="/">
          <span className="site-header__name">{t('app.name')}</span>
          <span className="site-header__title">{t('app.title')}</span>
        </Link>
        <div className="site-header__tools">
          <LanguageSwitcher />
          <UserMenu />
        </div>
      </div>
      {user && (
        <div className="site-header__nav">
          <div className="ecl-container">
            <Navigation user={user} />
          </div>
        </div>
      )}
    </header>
  );
}
