// The format-neutral blocks a briefing is made of; the HTML, Markdown and DOCX writers each render these and nothing else.
import type { Tlp } from '../domain'

/** A PNG figure (map, timeline) carried inline so every format stays self-contained. */
export interface Figure {
  /** PNG bytes, base64-encoded. */
  png: string
  /** Pixel size of the image. */
  width: number
  height: number
  alt: string
  caption: string
}

/** A table cell that is a record's URL field: the only text a writer may turn into a link. */
export interface LinkCell {
  text: string
  /** Already made safe by `safeHref`. */
  href: string
}

export type Cell = string | LinkCell

/** The words of a cell. */
export function cellText(cell: Cell): string {
  return typeof cell === 'string' ? cell : cell.text
}

// Characters a link target keeps as they are; every other one is percent-encoded, so no format's syntax can be closed from inside it.
const HREF_KEEP = /[A-Za-z0-9\-._~:/?#@!$&+,;=%]/

function percentEncode(c: string): string {
  return encodeURIComponent(c).replace(/[!'()*]/g, (x) => `%${x.charCodeAt(0).toString(16).toUpperCase()}`)
}

/**
 * The URL as a link target when it is an http(s) or mailto address with no whitespace or control
 * characters, percent-encoded down to a conservative set of characters; null otherwise (it stays text).
 */
export function safeHref(url: string): string | null {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (!/^(https?:\/\/[^/?#\s]|mailto:[^\s])/i.test(url) || /[\s\u0000-\u001f\u007f-\u009f]/.test(url)) return null
  // A lone surrogate has no UTF-8 form.
  if (/[\uD800-\uDFFF]/.test(url.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ''))) return null
  return [...url].map((c) => (HREF_KEEP.test(c) ? c : percentEncode(c))).join('')
}

/** A cell for a record's URL field: a link when `safeHref` allows it, plain text otherwise. */
export function urlCell(url: string): Cell {
  const href = safeHref(url)
  return href ? { text: url, href } : url
}

export type Block =
  | { kind: 'title'; title: string; lines: string[] }
  | { kind: 'heading'; level: 2 | 3; text: string; /** Starts a new page in PDF and DOCX. */ pageBreakBefore?: boolean }
  | { kind: 'paragraph'; text: string; muted?: boolean }
  | { kind: 'list'; items: string[] }
  | { kind: 'fields'; pairs: [label: string, value: string][] }
  | { kind: 'table'; columns: string[]; rows: Cell[][]; caption?: string }
  | { kind: 'figure'; figure: Figure }

export interface ResolvedSection {
  id: string
  /** Starts on a new page in PDF and DOCX. */
  pageBreakBefore: boolean
  blocks: Block[]
}

/** A briefing resolved against the data: what every writer receives. */
export interface Briefing {
  title: string
  author: string
  /** The briefing's date, already formatted at its precision. */
  date: string
  /** The marking the briefing carries: the higher of the analyst's choice and the content's. */
  tlp: Tlp
  /** Highest marking found in the content. */
  contentTlp: Tlp
  incidentCount: number
  sections: ResolvedSection[]
  /** Things the analyst should know before exporting (empty sections, estimative-language warnings). */
  warnings: string[]
}

/** "TLP:AMBER+STRICT" — the marking as TLP 2.0 prints it. */
export function tlpLabel(tlp: Tlp): string {
  return `TLP:${tlp}`
}

/** Colours TLP 2.0 prescribes (text on black). */
export const TLP_COLOURS: Record<Tlp, string> = { CLEAR: '#FFFFFF', GREEN: '#33FF00', AMBER: '#FFC000', 'AMBER+STRICT': '#FFC000', RED: '#FF2B2B' }
