import type { Band } from './types';

/** How a performance band is shown: a colour, a pattern (so that colour is not the only cue) and its name. */
export const BAND_STYLES: Record<Band | 'NONE', { colour: string; pattern: string; labelKey: string }> = {
  GREEN: { colour: '#2e7d32', pattern: 'band-green', labelKey: 'scoreboard.aboveAverage' },
  YELLOW: { colour: '#a35f00', pattern: 'band-yellow', labelKey: 'scoreboard.average' },
  RED: { colour: '#c62828', pattern: 'band-red', labelKey: 'scoreboard.belowAverage' },
  NONE: { colour: '#767676', pattern: 'band-none', labelKey: 'scoreboard.noData' },
};

export function bandStyle(band: Band | null) {
  return BAND_STYLES[band ?? 'NONE'];
}
