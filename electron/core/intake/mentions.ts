// The names intake recognises in an article: every way a country or organisation is named (one lexicon, one regex), and the workspace's actors by name or alias.
import isoCountries from 'i18n-iso-countries/index.js'
import en from 'i18n-iso-countries/langs/en.json'
import { countryName } from '../../../shared/countries'
import type { Actor, AttributorKind } from '../../../shared/domain'
import { CAPITALS, COUNTRY_ALIASES, DEMONYMS, ORGANISATIONS, STATE_BODIES } from './rules'

isoCountries.registerLocale(en)

type Form = 'name' | 'demonym' | 'capital' | 'body' | 'org'
/** A country or organisation named in a sentence (offsets within the sentence). */
export interface Mention {
  code?: string
  org?: string
  kind: AttributorKind
  form: Form
  start: number
  end: number
  text: string
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** Names that are more often something else in English news. */
const AMBIGUOUS = new Set(['Jersey', 'Chad', 'Guernsey', 'Man'])

/** One table of every way a country or organisation is named, and one regex over all of them, longest first. */
const LEXICON: Map<string, { code?: string; org?: string; form: Form; kind: AttributorKind }> = (() => {
  const map = new Map<string, { code?: string; org?: string; form: Form; kind: AttributorKind }>()
  for (const [code, names] of Object.entries(isoCountries.getNames('en', { select: 'all' }))) {
    for (const name of names) if (!AMBIGUOUS.has(name) && name.length > 2) map.set(name, { code, form: 'name', kind: 'government' })
  }
  for (const [name, code] of Object.entries(COUNTRY_ALIASES)) map.set(name, { code, form: 'name', kind: 'government' })
  for (const [name, code] of Object.entries(CAPITALS)) map.set(name, { code, form: 'capital', kind: 'government' })
  for (const [name, code] of Object.entries(DEMONYMS)) {
    map.set(name, { code, form: 'demonym', kind: 'government' })
    map.set(`${name}s`, { code, form: 'demonym', kind: 'government' })
  }
  for (const [name, code] of Object.entries(STATE_BODIES)) map.set(name, { code, form: 'body', kind: 'government' })
  for (const [name, kind] of Object.entries(ORGANISATIONS)) map.set(name, { org: name, form: 'org', kind })
  return map
})()
const NAME_RE = new RegExp(`(?<![\\w.-])(?:${[...LEXICON.keys()].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![\\w-])`, 'g')

/** The countries and organisations named in `text`, in order, with offsets within it. */
export function mentionsIn(text: string): Mention[] {
  const out: Mention[] = []
  for (const m of text.matchAll(NAME_RE)) {
    const entry = LEXICON.get(m[0])!
    out.push({ ...entry, start: m.index, end: m.index + m[0].length, text: m[0] })
  }
  return out
}

/** Whether `name` is, word for word, a way of naming a country or organisation (and so no actor's name). */
export function isLexiconName(name: string): boolean {
  return LEXICON.has(name)
}

/** What a mention is called in a draft: the organisation's name, or the country's English name. */
export function label(m: Mention): string {
  return m.org ?? countryName(m.code!)
}

/** The workspace's actors (states aside) by every name and alias of three letters or more: `find` lists those a text names, in order (the longest name wins where two overlap); `names` holds the names lower-cased. */
export function knownActors(actors: readonly Actor[]): { find(text: string): Actor[]; names: Set<string> } {
  const known = actors
    .filter((a) => a.kind !== 'state')
    .flatMap((a) => [a.name, ...a.aliases].filter((n) => n.length >= 3).map((n) => ({ n, a })))
    .sort((x, y) => y.n.length - x.n.length)
  const actorRe = known.length > 0 ? new RegExp(`(?<![\\w-])(?:${known.map((k) => escape(k.n)).join('|')})(?![\\w-])`, 'g') : null
  const actorByName = new Map(known.map((k) => [k.n, k.a]))
  return {
    find: (text) => (actorRe ? [...text.matchAll(actorRe)].map((m) => actorByName.get(m[0])!) : []),
    names: new Set(known.map((k) => k.n.toLowerCase())),
  }
}
