// Rules for archived copies of sources that both sides apply: size limit, safe file names, media types by name and by content.
import { ARCHIVE_MEDIA_TYPES, type ArchiveMediaType } from './domain'

/** How an archived copy stands against its record when checked. */
export type CopyState = 'intact' | 'changed' | 'missing' | 'unreadable'

/** What is wrong with a source's archived copy, said for the user. */
export interface CopyProblem {
  sourceId: string
  state: Exclude<CopyState, 'intact'>
  message: string
}

/** An archived copy opened for viewing: its record, how it checked, and the id to read its bytes with (null when there is nothing to read). */
export interface OpenedCopy {
  sourceId: string
  fileName: string
  mediaType: ArchiveMediaType
  /** Recorded size and hash, from when it was captured. */
  size: number
  sha256: string
  capturedAt: string
  state: CopyState
  /** What is wrong, in words; null when intact. */
  problem: string | null
  readId: string | null
  /** Bytes there are to read now. */
  bytes: number
}

/** Largest archived copy, in bytes (50 MB). */
export const MAX_ARCHIVE_BYTES = 50 * 1024 * 1024

/** Bytes per piece when a copy is read back to the window: 3 MB, a multiple of 3 so each piece is whole base64. */
export const ARCHIVE_READ_CHUNK = 3 * 1024 * 1024

export const ARCHIVE_MEDIA_LABELS: Record<ArchiveMediaType, string> = {
  'text/html': 'Web page (HTML)',
  'text/plain': 'Text',
  'text/markdown': 'Markdown',
  'application/pdf': 'PDF',
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
  'image/gif': 'GIF image',
  'image/webp': 'WebP image',
}

const BY_EXTENSION: Record<string, ArchiveMediaType> = {
  html: 'text/html',
  htm: 'text/html',
  xhtml: 'text/html',
  txt: 'text/plain',
  text: 'text/plain',
  md: 'text/markdown',
  markdown: 'text/markdown',
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
}

export function isArchiveMediaType(type: string): type is ArchiveMediaType {
  return (ARCHIVE_MEDIA_TYPES as readonly string[]).includes(type)
}

/** The media type a file declares: its browser-reported type when that is one we keep, else its extension; null when neither fits. */
export function declaredMediaType(name: string, reported = ''): ArchiveMediaType | null {
  const base = reported.split(';')[0].trim().toLowerCase()
  if (isArchiveMediaType(base)) return base
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? ''
  return BY_EXTENSION[ext] ?? null
}

/** Why `name` cannot name an archived copy (a path, a hidden or empty name), or null when it can. */
export function fileNameProblem(name: string): string | null {
  if (name.trim() === '') return 'The file has no name.'
  if (/[/\\]/.test(name)) return `“${name.slice(0, 80)}” is a path, not a file name; an archived copy is stored under its own name only.`
  if (name.includes('\0')) return 'The file name contains a NUL character.'
  if (name === '.' || name === '..') return `“${name}” is not a file name.`
  return null
}

/**
 * The name an archived copy is stored under: letters, digits, `.`, `-` and `_` only (others become
 * `-`), never starting with a dot, at most 120 characters with the extension kept. Call
 * `fileNameProblem` first: this does not make a path safe, it only tidies a plain name.
 */
export function safeFileName(name: string): string {
  const cleaned = name
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^[._-]+/, '')
  const dot = cleaned.lastIndexOf('.')
  const ext = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : ''
  const stem = (ext ? cleaned.slice(0, dot) : cleaned).slice(0, 120 - ext.length)
  return (stem || 'copy') + ext
}

const startsWith = (bytes: Uint8Array, sig: number[], at = 0) => bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b)
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0))

/** The binary type the bytes' signature says, or null for none we know. */
export function sniffBinary(bytes: Uint8Array): ArchiveMediaType | null {
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf'
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif'
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp'
  return null
}

/** True when `bytes` are well-formed UTF-8 with no NUL: no overlongs, surrogates or code points past U+10FFFF. */
export function isUtf8Text(bytes: Uint8Array): boolean {
  const n = bytes.length
  for (let i = 0; i < n; ) {
    const b = bytes[i]
    if (b === 0) return false
    if (b < 0x80) {
      i++
      continue
    }
    let need: number
    let min: number
    let cp: number
    if (b >= 0xc2 && b <= 0xdf) [need, min, cp] = [1, 0x80, b & 0x1f]
    else if (b >= 0xe0 && b <= 0xef) [need, min, cp] = [2, 0x800, b & 0x0f]
    else if (b >= 0xf0 && b <= 0xf4) [need, min, cp] = [3, 0x10000, b & 0x07]
    else return false
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      if (c === undefined || (c & 0xc0) !== 0x80) return false
      cp = (cp << 6) | (c & 0x3f)
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false
    i += need + 1
  }
  return true
}

/**
 * Why `bytes` are not what `mediaType` declares, or null when they are: a PDF or an image must
 * carry its format's signature; HTML, text and Markdown must be UTF-8 text (no NUL bytes) that
 * is not a PDF or an image in disguise.
 */
export function contentProblem(mediaType: ArchiveMediaType, bytes: Uint8Array): string | null {
  const label = ARCHIVE_MEDIA_LABELS[mediaType]
  const found = sniffBinary(bytes)
  if (mediaType.startsWith('text/')) {
    if (found) return `The file is declared as ${label} but its bytes are a ${ARCHIVE_MEDIA_LABELS[found]}.`
    if (!isUtf8Text(bytes)) return `The file is declared as ${label} but it is not UTF-8 text (it holds binary data).`
    return null
  }
  if (found !== mediaType) {
    return found
      ? `The file is declared as ${label} but its bytes are a ${ARCHIVE_MEDIA_LABELS[found]}.`
      : `The file is declared as ${label} but does not start with the ${label} signature; it may be damaged or of another type.`
  }
  return null
}

/** Bytes in words: "1.2 MB". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`
  return `${(n / 1024 / 1024).toFixed(1)} MB`
}
