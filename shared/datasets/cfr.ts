// The CFR Cyber Operations Tracker preset: its columns, and a row read without a mapping (countries found in free-text victims and sponsors, affiliations turned into actors).
import type { IncidentType, ResponseType } from '../domain'
import { countryName } from '../countries'
import { cleanCell, foldName, isEmptyCell, NAMELESS, parseCountry, parseDateCell } from './cells'
import { emptyMappedRow, type MappedRow } from './mapping'

/** Columns a file must have to be read as the CFR tracker. */
export const CFR_COLUMNS = ['Title', 'Date', 'Victims', 'Sponsor', 'Type']

const CFR_TYPES: Record<string, IncidentType> = {
  espionage: 'espionage',
  sabotage: 'physical-sabotage',
  'denial of service': 'ddos',
  'data destruction': 'wiper',
  'financial theft': 'financial-theft',
  defacement: 'defacement',
  doxing: 'hack-and-leak',
}

const CFR_RESPONSES: Record<string, ResponseType | null> = {
  denouncement: 'statement',
  confirmation: 'statement',
  denial: null,
  'criminal charges': 'indictment',
  sanctions: 'sanctions',
  'hack back': 'military-cyber-action',
  unknown: null,
}

/** Adjectives the CFR tracker uses for victims and sponsors, with their country. */
const DEMONYMS: Record<string, string> = {
  american: 'US', 'us based': 'US', british: 'GB', chinese: 'CN', russian: 'RU', iranian: 'IR', 'north korean': 'KP', 'south korean': 'KR', korean: 'KR', taiwanese: 'TW',
  ukrainian: 'UA', israeli: 'IL', saudi: 'SA', emirati: 'AE', qatari: 'QA', german: 'DE', french: 'FR', italian: 'IT', spanish: 'ES', dutch: 'NL', polish: 'PL',
  swedish: 'SE', norwegian: 'NO', finnish: 'FI', danish: 'DK', estonian: 'EE', latvian: 'LV', lithuanian: 'LT', georgian: 'GE', albanian: 'AL', turkish: 'TR',
  indian: 'IN', pakistani: 'PK', japanese: 'JP', vietnamese: 'VN', filipino: 'PH', philippine: 'PH', australian: 'AU', canadian: 'CA', mexican: 'MX',
  brazilian: 'BR', egyptian: 'EG', syrian: 'SY', lebanese: 'LB', palestinian: 'PS', kuwaiti: 'KW', bahraini: 'BH', omani: 'OM', thai: 'TH', malaysian: 'MY',
  indonesian: 'ID', singaporean: 'SG', mongolian: 'MN', tibetan: 'CN', uyghur: 'CN', belarusian: 'BY', moldovan: 'MD', montenegrin: 'ME', serbian: 'RS',
  austrian: 'AT', belgian: 'BE', swiss: 'CH', irish: 'IE', czech: 'CZ', slovak: 'SK', hungarian: 'HU', romanian: 'RO', bulgarian: 'BG', greek: 'GR',
  'costa rican': 'CR', colombian: 'CO', venezuelan: 'VE', chilean: 'CL', argentine: 'AR', nigerian: 'NG', kenyan: 'KE', 'south african': 'ZA', ethiopian: 'ET',
}

/**
 * Countries named in a free-text CFR cell: the whole cell as a country, else each `,`/`;`/`and`
 * part, else demonyms and country names inside a phrase ("Taiwanese financial institutions").
 */
export function countriesInText(text: string): { codes: string[]; unknown: string[] } {
  const codes: string[] = []
  const unknown: string[] = []
  const add = (c: string) => !codes.includes(c) && codes.push(c)
  const whole = parseCountry(text)
  if ('code' in whole) return { codes: [whole.code], unknown }
  for (const part of text.split(/\s*(?:[,;]|\band\b)\s*/i).filter((p) => p.trim())) {
    const c = parseCountry(part)
    if ('code' in c) {
      add(c.code)
      continue
    }
    const words = foldName(part).split(' ')
    let found = false
    for (let size = Math.min(4, words.length); size >= 1 && !found; size--) {
      for (let i = 0; i + size <= words.length; i++) {
        const phrase = words.slice(i, i + size).join(' ')
        const code = DEMONYMS[phrase] ?? (size > 1 || phrase.length > 3 ? ((r) => ('code' in r ? r.code : undefined))(parseCountry(phrase)) : undefined)
        if (code) {
          add(code)
          found = true
        }
      }
    }
    if (!found) unknown.push(part.trim())
  }
  return { codes, unknown }
}

/** A CFR Cyber Operations Tracker row (columns by name). */
export function cfrRow(r: Readonly<Record<string, string>>): MappedRow {
  const row = emptyMappedRow()
  const inc = row.incident
  inc.title = cleanCell(r.Title ?? '')
  if (!inc.title) row.errors.push({ column: 'Title', reason: 'no title (every incident needs one)' })
  // The tracker has no id column; its titles are unique, so the folded title matches re-imports.
  row.key = foldName(inc.title).slice(0, 200) || undefined
  inc.summary = (r.Description ?? '').trim()
  const d = parseDateCell(r.Date ?? '', 'mdy')
  if ('value' in d) inc.start = d.value
  else if ('error' in d) row.warnings.push({ column: 'Date', value: r.Date, reason: d.error })

  const victimsText = cleanCell(r.Victims ?? '')
  const category = cleanCell(r.Category ?? '')
  if (!isEmptyCell(victimsText)) {
    const v = countriesInText(victimsText)
    if (v.codes.length === 0) for (const u of v.unknown) row.warnings.push({ column: 'Victims', value: u, reason: `no country found in “${u}”` })
    inc.victims = v.codes.map((country) => ({ country, sector: '', organisation: victimsText.slice(0, 200), ...(category && !isEmptyCell(category) && !/^https?:/i.test(category) ? { category } : {}) }))
  }
  const sponsorText = cleanCell(r.Sponsor ?? '')
  if (!isEmptyCell(sponsorText)) {
    const s = countriesInText(sponsorText)
    if (s.codes.length === 0) for (const u of s.unknown) row.warnings.push({ column: 'Sponsor', value: u, reason: `no country found in “${u}”` })
    inc.sponsorCountries = s.codes
  }
  inc.nexus = (inc.sponsorCountries ?? []).length > 0 ? 'state-linked' : 'unknown'

  const type = cleanCell(r.Type ?? '')
  if (!isEmptyCell(type)) {
    const t = CFR_TYPES[foldName(type)]
    if (t) inc.types = [t]
    else row.warnings.push({ column: 'Type', value: type, reason: `“${type.slice(0, 80)}” is not a tracker type (the row may be shifted)` })
  }
  inc.tags = ['CFR']

  const affiliations = cleanCell(r.Affiliations ?? '').replace(/^(believed to be|possibly|suspected to be)( the work of)?\s+/i, '')
  if (!isEmptyCell(affiliations)) {
    for (const group of affiliations.split(/\s*;\s*/)) {
      const [name, ...aliases] = group.split(/\s*,\s*/).filter((s) => s && !isEmptyCell(s))
      if (name && !NAMELESS.test(name)) row.actors.push({ name: name.slice(0, 200), aliases: aliases.map((a) => a.slice(0, 200)), ...(inc.sponsorCountries?.length === 1 ? { country: inc.sponsorCountries[0] } : {}), kind: 'state-sponsored-group' })
    }
  }

  const response = cleanCell(r.Response ?? '')
  if (!isEmptyCell(response)) {
    const url = /https?:\/\/\S+/i.exec(response)?.[0]
    const word = cleanCell(response.replace(/https?:\/\/\S+/gi, ''))
    if (url) row.sourceUrls.push(url)
    const t = CFR_RESPONSES[foldName(word)]
    const victimCountry = inc.victims?.[0]?.country
    if (t) row.responses.push({ actor: victimCountry ? `Government of ${countryName(victimCountry)}` : 'Victim government', ...(victimCountry ? { actorCountry: victimCountry } : {}), type: t, target: sponsorText.slice(0, 200), ...(inc.sponsorCountries?.[0] ? { targetCountry: inc.sponsorCountries[0] } : {}), description: `CFR response: ${word}` })
    else if (t === undefined && word) row.warnings.push({ column: 'Response', value: word, reason: `“${word.slice(0, 80)}” is not a tracker response` })
  }
  for (const col of ['Sources_1', 'Sources_2', 'Sources_3']) {
    const u = cleanCell(r[col] ?? '')
    if (isEmptyCell(u)) continue
    if (/^https?:\/\/\S+$/i.test(u)) row.sourceUrls.push(u)
    else row.warnings.push({ column: col, value: u, reason: `“${u.slice(0, 80)}” is not an http(s) address` })
  }
  return row
}
