import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Resource } from '../data/useResource';
import { ErrorNotice } from './ErrorNotice';
import { PageHeading } from './PageHeading';

/**
 * Loading and error states for data being read (a failed read can be tried again);
 * `fallbackTitle` gives the page its heading while there is no data.
 */
export function ResourceView<T>({ resource, fallbackTitle, children }: { resource: Resource<T> & { reload: () => void }; fallbackTitle?: string; children: (data: T) => ReactNode }) {
  const { t } = useTranslation();
  if (resource.status === 'ready') return <>{children(resource.data)}</>;
  return (
    <>
      {fallbackTitle && <PageHeading title={fallbackTitle}>{fallbackTitle}</PageHeading>}
      {resource.status === 'loading' ? (
        <p className="loading">{t('app.loading')}</p>
      ) : (
        <>
          <ErrorNotice error={resource.error} />
          <button type="button" className="ecl-button ecl-button--secondary" onClick={resource.reload}>
            {t('errors.retry')}
          </button>
        </>
      )}
    </>
  );
}
