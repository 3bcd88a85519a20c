import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../router/Link';
import { pathOf } from '../router/routes';
import { administers, hasProfile, type SessionUser } from '../session/types';

/** The menu items, each shown only to those whose rights let them use the page. */
function itemsFor(user: SessionUser) {
  return [
    { key: 'nav.myWork', path: pathOf({ name: 'work' }), shown: true },
    { key: 'nav.newRequest', path: pathOf({ name: 'compose' }), shown: hasProfile(user, 'REQUEST_HANDLER') },
    { key: 'nav.alerts', path: pathOf({ name: 'alerts' }), shown: true },
    { key: 'nav.directory', path: pathOf({ name: 'directory' }), shown: true },
    { key: 'nav.scoreboard', path: pathOf({ name: 'scoreboard' }), shown: true },
    { key: 'nav.statistics', path: pathOf({ name: 'statistics' }), shown: true },
    { key: 'nav.apiTokens', path: pathOf({ name: 'apiTokens' }), shown: true },
    { key: 'nav.administration', path: pathOf({ name: 'admin' }), shown: administers(user) },
  ].filter((item) => item.shown);
}

/** The main menu: a row of links on wide screens, a disclosure button on narrow ones. */
export function Navigation({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);

  return (
    <nav className="site-nav" aria-label={t('app.mainNavigation')}>
      <button
        type="button"
        className="ecl-button ecl-button--tertiary site-nav__toggle"
        aria-expanded={open}
        aria-controls="site-nav-list"
        onClick={() => setOpen(!open)}
      >
        {t('app.menu')}
      </button>
      <ul id="site-nav-list" className={open ? 'site-nav__list site-nav__list--open' : 'site-nav__list'}>
        {itemsFor(user).map((item) => (
          <li key={item.path}>
            <Link className="site-nav__link" href={item.path} onClick={() => setOpen(false)}>
              {t(item.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
