import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouter } from '../router/Router';

/**
 * The page's one h1. It names the document and, after a navigation inside the app,
 * takes the focus so that keyboard and screen-reader users start reading the new page.
 */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  const { t } = useTranslation();
  const { location } = useRouter();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);

  useEffect(() => {
    if (location.navigations > 0) heading.current?.focus();
  }, [location.pathname, location.navigations]);

  return (
    <h1 className="ecl-u-type-heading-1 page-heading" tabIndex={-1} ref={heading}>
      {children}
    </h1>
  );
}
