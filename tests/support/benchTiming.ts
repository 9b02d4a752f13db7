// What the benchmarks time with: a timed call on a collected heap, the median, round-robin comparison of variants, and the durable write that store saves are measured against.
import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs'
import { join } from 'node:path'

/** Collects the heap when Node runs with --expose-gc; a no-op otherwise. */
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined)

/** Milliseconds `fn` takes (awaited), starting from a collected heap where gc is exposed. */
export async function timed(fn: () => unknown): Promise<number> {
  gc()
  const start = performance.now()
  await fn()
  return performance.now() - start
}

/** The median of `xs` (the mean of the middle two for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

/**
 * The median ms of each variant over `runs` rounds after `warmups` dropped ones. The variants run
 * round-robin, so drift (page cache, heap growth, other load) spreads over all of them instead of
 * favouring whichever ran last; every other round runs them in reverse order.
 */
export async function compare<K extends string>(variants: Record<K, () => unknown>, warmups: number, runs: number): Promise<Record<K, number>> {
  const names = Object.keys(variants) as K[]
  const samples = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>
  for (let round = 0; round < warmups + runs; round++) {
    for (const name of round % 2 ? [...names].reverse() : names) {
      const ms = await timed(variants[name])
      if (round >= warmups) samples[name].push(ms)
    }
  }
  return Object.fromEntries(names.map((n) => [n, median(samples[n])])) as Record<K, number>
}

/** A save's durability by hand: write a temp file, fsync it, rename it into place, fsync the folder. */
export function durableWrite(file: string, data: string | Uint8Array): void {
  const temp = `${file}.tmp`
  const fd = openSync(temp, 'w')
  try {
    if (typeof data === 'string') writeSync(fd, data)
    else writeSync(fd, data)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(temp, file)
  const dir = openSync(join(file, '..'), 'r')
  try {
    fsyncSync(dir)
  } finally {
    closeSync(dir)
  }
}
