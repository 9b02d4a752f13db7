// A big document written as JSON piece by piece: the same text JSON.stringify gives, without ever holding all of it as one string or one buffer.

/** Records per JSON.stringify call for long arrays: big enough to keep V8's serializer on its fast path, small enough to keep pieces under a few MB. */
const BATCH = 2000

/**
 * The pieces whose concatenation is `JSON.stringify(value)` for a plain object whose long arrays hold
 * plain records (a workspace): each top-level value in one piece, long arrays a batch of records at a time.
 */
export function* jsonPieces(value: Record<string, unknown>, batch = BATCH): Generator<string> {
  let first = true
  for (const key of Object.keys(value)) {
    const v = value[key]
    // JSON.stringify leaves out what it cannot write as a property value.
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue
    const name = `${first ? '{' : ','}${JSON.stringify(key)}:`
    first = false
    if (!Array.isArray(v) || v.length <= batch) {
      yield name + JSON.stringify(v)
      continue
    }
    yield `${name}[`
    for (let i = 0; i < v.length; i += batch) {
      const part = JSON.stringify(v.slice(i, i + batch))
      // Each batch's brackets dropped; batches joined by commas.
      yield i === 0 ? part.slice(1, -1) : `,${part.slice(1, -1)}`
    }
    yield ']'
  }
  yield first ? '{}' : '}'
}

/** Bytes per chunk handed to the writer (one buffer, reused). */
const CHUNK_BYTES = 4 << 20

/**
 * The UTF-8 bytes of `pieces`, in chunks of one reused buffer: a chunk must be used (written) before
 * the next is asked for. Characters are never split between chunks.
 */
export function* utf8Chunks(pieces: Iterable<string>, chunkBytes = CHUNK_BYTES): Generator<Uint8Array> {
  const encoder = new TextEncoder()
  const buffer = new Uint8Array(chunkBytes)
  let used = 0
  for (const piece of pieces) {
    let rest = piece
    while (rest.length > 0) {
      // A UTF-16 unit takes at most 3 bytes in UTF-8: a piece that surely fits is encoded whole.
      if (chunkBytes - used < Math.min(rest.length * 3, chunkBytes >> 2)) {
        yield buffer.subarray(0, used)
        used = 0
      }
      const { read, written } = encoder.encodeInto(rest, buffer.subarray(used))
      used += written
      rest = read === rest.length ? '' : rest.slice(read)
      if (rest.length > 0) {
        yield buffer.subarray(0, used)
        used = 0
      }
    }
  }
  if (used > 0) yield buffer.subarray(0, used)
}

/** Characters from each end of a text that a fingerprint covers, gathered as the text goes by. */
export class TextEnds {
  length = 0
  private head = ''
  private tail: string[] = []
  private tailLength = 0

  constructor(private readonly span: number) {}

  /** Takes the next piece of the text. */
  readonly add = (piece: string): void => {
    this.length += piece.length
    if (this.head.length < this.span) this.head += piece.slice(0, this.span - this.head.length)
    this.tail.push(piece)
    this.tailLength += piece.length
    // Pieces no longer needed for the last `span` characters are dropped.
    while (this.tail.length > 1 && this.tailLength - this.tail[0].length >= this.span) this.tailLength -= this.tail.shift()!.length
  }

  /** The whole text when it is at most two spans long; otherwise its first and last span. */
  parts(): string[] {
    const all = this.tail.join('')
    if (this.length <= 2 * this.span) {
      // The text so far is the head plus whatever of the tail the head does not hold.
      const headEnd = this.head.length
      const tailStart = this.length - all.length
      return [this.head + all.slice(Math.max(0, headEnd - tailStart))]
    }
    return [this.head, all.slice(all.length - this.span)]
  }
}

/** Passes each piece to `see` on its way through. */
export function* tap(pieces: Iterable<string>, see: (piece: string) => void): Generator<string> {
  for (const piece of pieces) {
    see(piece)
    yield piece
  }
}
