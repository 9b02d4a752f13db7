// Country codes (ISO 3166-1 alpha-2, plus XK for Kosovo) and their English display names.

const CODES = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
  'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
  'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
  'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG ' +
  'UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW'
).split(' ')

const CODE_SET = new Set(CODES)
const displayNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' })

/** True for an upper-case ISO 3166-1 alpha-2 code this app knows (XK included). */
export function isCountryCode(code: string): boolean {
  return CODE_SET.has(code)
}

/** English short name for a country code; the code itself when unknown. */
export function countryName(code: string): string {
  return CODE_SET.has(code) ? (displayNames.of(code) ?? code) : code
}

/** Every known country as `{code, name}`, sorted by name. */
export const COUNTRIES: ReadonlyArray<{ code: string; name: string }> = CODES.map((code) => ({ code, name: countryName(code) })).sort(
  (a, b) => a.name.localeCompare(b.name),
)

/** Finds a country code by exact code or by case-insensitive name (e.g. `al`, `Albania`). */
export function findCountry(text: string): string | undefined {
  const t = text.trim()
  if (CODE_SET.has(t.toUpperCase())) return t.toUpperCase()
  const lower = t.toLowerCase()
  return COUNTRIES.find((c) => c.name.toLowerCase() === lower)?.code
}
