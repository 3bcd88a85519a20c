import { useTranslation } from 'react-i18next';
import { BAND_STYLES } from '../bands';

export function MapLegend() {
  const { t } = useTranslation();
  return (
    <div className="map-legend">
      <h3 className="ecl-u-type-heading-4">{t('scoreboard.legend')}: {t('scoreboard.overall')}</h3>
      <ul className="map-legend__list">
        {Object.values(BAND_STYLES).map((style) => (
          <li key={style.pattern} className="map-legend__item">
            <svg width="24" height="16" aria-hidden="true" focusable="false">
              <rect width="24" height="16" fill={`url(#${style.pattern})`} stroke="#404040" />
            </svg>
            {t(style.labelKey)}
          </li>
        ))}
      </ul>
    </div>
  );
}
