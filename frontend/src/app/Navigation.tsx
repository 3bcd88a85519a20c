import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../router/Link';
import { pathOf } from '../router/routes';

const ITEMS = [
  { key: 'nav.myWork', path: pathOf({ name: 'work' }) },
  { key: 'nav.newRequest', path: pathOf({ name: 'compose' }) },
  { key: 'nav.alerts', path: pathOf({ name: 'alerts' }) },
  { key: 'nav.directory', path: pathOf({ name: 'directory' }) },
  { key: 'nav.scoreboard', path: pathOf({ name: 'scoreboard' }) },
  { key: 'nav.statistics', path: pathOf({ name: 'statistics' }) },
  { key: 'nav.administration', path: pathOf({ name: 'admin' }) },
] as const;

/** The main menu: a row of links on wide screens, a disclosure button on narrow ones. */
export function Navigation() {
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
        {ITEMS.map((item) => (
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
