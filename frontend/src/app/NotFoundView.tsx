import { useTranslation } from 'react-i18next';
import { Link } from '../router/Link';
import { PageHeading } from '../ui/PageHeading';

export function NotFoundView() {
  const { t } = useTranslation();
  return (
    <section>
      <PageHeading title={t('app.notFoundTitle')}>{t('app.notFoundTitle')}</PageHeading>
      <p className="ecl-u-type-paragraph">{t('app.notFoundText')}</p>
      <Link className="ecl-link ecl-link--standalone" href="/">
        {t('app.backToWork')}
      </Link>
    </section>
  );
}
