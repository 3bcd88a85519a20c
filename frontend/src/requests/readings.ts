/** A reading of an exchange: every action taken on it raises its version. */
export interface Versioned {
  version: number;
}

/**
 * Whether `reading` is older than what is shown, and must not replace it. A reading of the same version may
 * still bring news (a machine translation that has arrived), so only a lower version is stale.
 */
export function isStale(reading: Versioned, shown: Versioned): boolean {
  return reading.version < shown.version;
}
