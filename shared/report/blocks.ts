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

export type Block =
  | { kind: 'title'; title: string; lines: string[] }
  | { kind: 'heading'; level: 2 | 3; text: string; /** Starts a new page in PDF and DOCX. */ pageBreakBefore?: boolean }
  | { kind: 'paragraph'; text: string; muted?: boolean }
  | { kind: 'list'; items: string[] }
  | { kind: 'fields'; pairs: [label: string, value: string][] }
  | { kind: 'table'; columns: string[]; rows: string[][]; caption?: string }
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
