// The workspace written in pieces: the same text and bytes as one JSON.stringify, characters never cut between chunks, and the fingerprint's ends of the text gathered right.
import { describe, expect, it } from 'vitest'
import { sampleWorkspace } from '../../../../shared/sample/sampleWorkspace'
import { jsonPieces, TextEnds, utf8Chunks } from '../../../../electron/core/store/jsonStream'

const joined = (pieces: Iterable<string>) => [...pieces].join('')

/** Copies each chunk as it comes: the producer reuses one buffer. */
function bytesOf(chunks: Iterable<Uint8Array>): Buffer {
  return Buffer.concat([...(function* () {
    for (const c of chunks) yield Buffer.from(c)
  })()])
}

describe('jsonPieces', () => {
  it('gives exactly JSON.stringify of a workspace, with long arrays cut into batches', () => {
    const ws = sampleWorkspace()
    for (const batch of [1, 2, 3, 7, 2000]) expect(joined(jsonPieces(ws as unknown as Record<string, unknown>, batch))).toBe(JSON.stringify(ws))
  })

  it('leaves out what JSON.stringify leaves out and keeps what it keeps', () => {
    const value = { a: undefined, b: () => 1, c: [1, undefined, null, 'x'], d: {}, e: [], f: 'line\nbreak "quoted" \u2028 😀', g: [{ h: undefined }, { i: [] }, { j: 'é' }] }
    for (const batch of [1, 2, 100]) expect(joined(jsonPieces(value, batch))).toBe(JSON.stringify(value))
    expect(joined(jsonPieces({}))).toBe('{}')
    expect(joined(jsonPieces({ only: undefined }))).toBe('{}')
  })
})

describe('utf8Chunks', () => {
  it('encodes to the same bytes as Buffer.from, never cutting a character, whatever the chunk size', () => {
    const pieces = ['{"t":"', 'abc', '😀'.repeat(40), 'é'.repeat(33), '中文'.repeat(21), '', 'x'.repeat(500), '"}']
    const expected = Buffer.from(pieces.join(''), 'utf8')
    for (const size of [4, 5, 7, 16, 64, 1000, 1 << 20]) {
      const chunks = [...(function* () {
        for (const c of utf8Chunks(pieces, size)) yield Buffer.from(c)
      })()]
      expect(Buffer.concat(chunks).equals(expected)).toBe(true)
      // Every chunk is whole UTF-8 on its own: no character is split.
      for (const c of chunks) expect(Buffer.from(c.toString('utf8'), 'utf8').equals(c)).toBe(true)
      expect(chunks.every((c) => c.length > 0 && c.length <= size)).toBe(true)
    }
  })

  it('gives a whole workspace back byte for byte', () => {
    const ws = sampleWorkspace()
    expect(bytesOf(utf8Chunks(jsonPieces(ws as unknown as Record<string, unknown>, 5), 4096)).toString('utf8')).toBe(JSON.stringify(ws))
  })
})

describe('TextEnds', () => {
  const endsOf = (pieces: string[], span: number) => {
    const ends = new TextEnds(span)
    pieces.forEach(ends.add)
    return ends
  }

  it('holds the whole text while it is at most two spans long', () => {
    for (const pieces of [['abc'], ['ab', 'cd', 'ef', 'gh'], ['abcdefgh'], ['a', 'bcdefg', 'h'], []]) {
      const ends = endsOf(pieces, 4)
      expect(ends.length).toBe(pieces.join('').length)
      expect(ends.parts()).toEqual([pieces.join('')])
    }
  })

  it('holds the first and the last span of a longer text, however it was cut', () => {
    const text = 'abcdefghijklmnopqrstuvwxyz'
    for (const cut of [1, 2, 3, 5, 9, 26]) {
      const pieces = text.match(new RegExp(`.{1,${cut}}`, 'g'))!
      const ends = endsOf(pieces, 4)
      expect(ends.length).toBe(26)
      expect(ends.parts()).toEqual(['abcd', 'wxyz'])
    }
  })
})
