import { BAND_STYLES } from '../bands';

/**
 * SVG patterns for the bands (solid, stripes, cross-hatching, dots), so that colour is not the only cue.
 * Rendered once per page; the map and its legend refer to them by id.
 */
export function BandPatterns() {
  const { GREEN, YELLOW, RED, NONE } = BAND_STYLES;
  return (
    <svg width="0" height="0" className="band-patterns" aria-hidden="true" focusable="false">
      <defs>
        <pattern id={GREEN.pattern} width="8" height="8" patternUnits="userSpaceOnUse">
          <rect width="8" height="8" fill={GREEN.colour} />
        </pattern>
        <pattern id={YELLOW.pattern} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="8" height="8" fill={YELLOW.colour} />
          <rect width="3" height="8" fill="#ffffff" fillOpacity="0.55" />
        </pattern>
        <pattern id={RED.pattern} width="8" height="8" patternUnits="userSpaceOnUse">
          <rect width="8" height="8" fill={RED.colour} />
          <path d="M0 0L8 8M8 0L0 8" stroke="#ffffff" strokeOpacity="0.6" strokeWidth="1.5" />
        </pattern>
        <pattern id={NONE.pattern} width="6" height="6" patternUnits="userSpaceOnUse">
          <rect width="6" height="6" fill="#d9d9d9" />
          <circle cx="3" cy="3" r="1.2" fill={NONE.colour} />
        </pattern>
      </defs>
    </svg>
  );
}
