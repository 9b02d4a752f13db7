// Files sent from the window in pieces (imports, archived copies): pieces of one upload arrive in order and are taken whole once, by whichever service uses the file.
import { ServiceError } from '../../../shared/result'

/** Largest upload assembled from pieces, in characters. */
export const MAX_UPLOAD_CHARS = 512 * 1024 * 1024
/** Uploads kept at once; the oldest unfinished one is dropped past this. */
const KEEP = 4

export class Uploads {
  private parts = new Map<string, string[]>()

  /** Receives the next piece of an upload; returns how much of it has arrived. Past `limit` characters the upload is dropped with `tooBig` as the error. */
  add(uploadId: string, chunk: string, limit = MAX_UPLOAD_CHARS, tooBig = `The file is larger than ${MAX_UPLOAD_CHARS / 1024 / 1024} MB; split it before importing.`): { received: number } {
    const parts = this.parts.get(uploadId) ?? []
    parts.push(chunk)
    const received = parts.reduce((n, p) => n + p.length, 0)
    if (received > limit) {
      this.parts.delete(uploadId)
      throw new ServiceError('invalid-input', tooBig)
    }
    this.parts.set(uploadId, parts)
    if (this.parts.size > KEEP) this.parts.delete(this.parts.keys().next().value!)
    return { received }
  }

  /** The whole upload, which is then forgotten; a `not-found` error when there is none by that id. */
  take(uploadId: string): string {
    const parts = this.parts.get(uploadId)
    if (!parts) throw new ServiceError('not-found', 'That upload is not here any more; choose the file again.')
    this.parts.delete(uploadId)
    return parts.join('')
  }
}
