import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouter } from '../router/Router';

/** The navigation whose page heading last took the focus. */
let focusedNavigation = 0;

/**
 * The page's one h1. It names the document and, after a navigation inside the app, takes the focus so that
 * keyboard and screen-reader users start reading the new page. A page shows a heading while it loads and another
 * once it has its data: the second takes the focus only if the reader has not moved it meanwhile.
 */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  const { t } = useTranslation();
  const { location } = useRouter();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);

  useEffect(() => {
    const moved = document.activeElement !== null && document.activeElement !== document.body;
    if (location.navigations === 0 || (location.navigations === focusedNavigation && moved)) return;
    focusedNavigation = location.navigations;
    heading.current?.focus();
  }, [location.pathname, location.navigations]);

  return (
    <h1 className="ecl-u-type-heading-1 page-heading" tabIndex={-1} ref={heading}>
      {children}
    </h1>
  );
}
