/** The 30 EEA countries: EU code (Greece is EL) and ISO 3166-1 numeric code, as world-atlas names them. */
export const EEA_NUMERIC_CODES: Readonly<Record<string, string>> = {
  AT: '040', BE: '056', BG: '100', CY: '196', CZ: '203', DE: '276', DK: '208', EE: '233', EL: '300', ES: '724',
  FI: '246', FR: '250', HR: '191', HU: '348', IE: '372', IT: '380', LT: '440', LU: '442', LV: '428', MT: '470',
  NL: '528', PL: '616', PT: '620', RO: '642', SE: '752', SI: '705', SK: '703', IS: '352', LI: '438', NO: '578',
};
