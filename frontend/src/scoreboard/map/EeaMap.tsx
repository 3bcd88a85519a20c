import eeaMap from 'virtual:eea-map';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { isPlainClick } from '../../router/Link';
import { useRouter } from '../../router/Router';
import { pathOf } from '../../router/routes';
import { bandStyle } from '../bands';
import type { ScoreboardRow } from '../types';

const MARKER_RADIUS = 7;

/**
 * The 30 EEA countries coloured by overall performance. Every country is a link with an accessible name that
 * says its result; the smallest states also get a labelled marker so that they can be seen and clicked.
 * Keyboard order: larger countries by name, then the marked ones by name.
 */
export function EeaMap({ rows, search }: { rows: ScoreboardRow[]; search: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { navigate } = useRouter();
  const overall = new Map(rows.map((row) => [row.country, row.overall]));
  const collator = new Intl.Collator(language);
  const countries = eeaMap.countries
    .map((country) => ({ ...country, name: countryName(language, country.code), band: overall.get(country.code) ?? null }))
    .sort((a, b) => Number(a.small) - Number(b.small) || collator.compare(a.name, b.name));

  return (
    <figure className="eea-map">
      <figcaption className="visually-hidden">{t('scoreboard.map')}</figcaption>
      <svg viewBox={`0 0 ${eeaMap.width} ${eeaMap.height}`} role="group" aria-label={t('scoreboard.map')} className="eea-map__svg">
        <path d={eeaMap.surroundings} className="eea-map__surroundings" aria-hidden="true" />
        {countries.map((country) => {
          const style = bandStyle(country.band);
          const href = `${pathOf({ name: 'scoreboardCountry', country: country.code })}${search}`;
          return (
            <a
              key={country.code}
              href={href}
              className="eea-map__country"
              data-country={country.code}
              aria-label={t('scoreboard.countryPerformance', { country: country.name, performance: t(style.labelKey) })}
              onClick={(event) => {
                if (!isPlainClick(event)) return;
                event.preventDefault();
                navigate(href);
              }}
            >
              <path d={country.path} fill={`url(#${style.pattern})`} className="eea-map__shape" />
              {country.small && (
                <g className="eea-map__marker" aria-hidden="true">
                  <circle cx={country.centroid[0]} cy={country.centroid[1]} r={MARKER_RADIUS} fill={`url(#${style.pattern})`} />
                  <text x={country.centroid[0] + MARKER_RADIUS + 2} y={country.centroid[1] + 4}>
                    {country.code}
                  </text>
                </g>
              )}
            </a>
          );
        })}
      </svg>
      <p className="ecl-help-block">{t('scoreboard.mapHint')}</p>
    </figure>
  );
}
