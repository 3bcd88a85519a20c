import { useTranslation } from 'react-i18next';

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="ecl-container">
        <p className="ecl-u-type-paragraph-s">
          <span className="site-footer__name">{t('app.name')}</span> · {t('app.footer')}
        </p>
      </div>
    </footer>
  );
}
