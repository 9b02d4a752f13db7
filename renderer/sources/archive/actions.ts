// What archived copies do in the window: send a picked or dropped file in pieces and attach it, open a copy and read it back in pieces, remove one with undo.
import { declaredMediaType, formatBytes, MAX_ARCHIVE_BYTES, type OpenedCopy } from '../../../shared/archive'
import type { Source } from '../../../shared/domain'
import { client } from '../../api'
import { errorMessage, put, toast } from '../../state/actions'
import { setState } from '../../state/store'

/** Bytes per upload call: 3 MB, a multiple of 3 so every piece is whole base64 (4 MB of text, under the host's body limit). */
const PIECE = 3 * 1024 * 1024

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000))
  return btoa(binary)
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text)
  const out = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i)
  return out
}

/** Copies found changed or missing may have changed with what was just done: the info carries them. */
async function refreshInfo(): Promise<void> {
  const info = await client.workspace.info().catch(() => null)
  if (info) setState({ info })
}

/**
 * Attaches `file` as the source's archived copy; `progress` hears the percentage sent. Rejects with
 * a message for the user when the file is of a kind not kept, too big, or refused by the main side.
 */
export async function attachCopy(source: Source, file: File, progress: (percent: number) => void): Promise<Source> {
  const mediaType = declaredMediaType(file.name, file.type)
  if (!mediaType) throw new Error(`${file.name} is not a kind of file kept as an archived copy: attach HTML, text, Markdown, PDF, or a PNG, JPEG, GIF or WebP image.`)
  if (file.size > MAX_ARCHIVE_BYTES) throw new Error(`${file.name} is ${formatBytes(file.size)}; an archived copy is at most ${formatBytes(MAX_ARCHIVE_BYTES)}. Archive a smaller copy (a PDF print of the page, say).`)
  const uploadId = crypto.randomUUID()
  for (let at = 0; at < file.size || at === 0; at += PIECE) {
    progress(Math.round((at / Math.max(file.size, 1)) * 100))
    const piece = new Uint8Array(await file.slice(at, at + PIECE).arrayBuffer())
    await client.sources.uploadCopy({ uploadId, chunk: toBase64(piece) })
    if (file.size === 0) break
  }
  progress(100)
  const saved = await client.sources.attachCopy({ id: source.id, uploadId, fileName: file.name, mediaType })
  put('sources', saved)
  await refreshInfo()
  toast('info', `Archived ${file.name} (${formatBytes(saved.archive?.size ?? file.size)}) with source “${saved.title}”.`)
  return saved
}

/** Opens the source's copy: how it checked and, when there is something to read, all its bytes (read in pieces). */
export async function openCopy(sourceId: string): Promise<{ opened: OpenedCopy; bytes: Uint8Array | null }> {
  const opened = await client.sources.openCopy({ id: sourceId })
  await refreshInfo()
  if (!opened.readId) return { opened, bytes: null }
  const bytes = new Uint8Array(opened.bytes)
  for (let offset: number | null = 0; offset !== null && offset < opened.bytes; ) {
    const piece: { chunk: string; next: number | null } = await client.sources.readCopy({ readId: opened.readId, offset })
    bytes.set(fromBase64(piece.chunk), offset)
    offset = piece.next
  }
  return { opened, bytes }
}

/** Removes the source's archived copy and offers Undo. */
export async function removeCopy(source: Source): Promise<void> {
  try {
    const saved = await client.sources.removeCopy({ id: source.id })
    put('sources', saved)
    await refreshInfo()
    toast('info', `Removed the archived copy of “${source.title}”.`, {
      label: 'Undo',
      run: () =>
        void client.sources.restoreCopy({ id: source.id }).then(
          async (back) => {
            put('sources', back)
            await refreshInfo()
            toast('info', `The archived copy of “${back.title}” is back.`)
          },
          (err) => toast('error', errorMessage(err)),
        ),
    })
  } catch (err) {
    toast('error', errorMessage(err))
  }
}
