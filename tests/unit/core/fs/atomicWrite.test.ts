// The one atomic write: durable (file and folder fsynced), never through a link, never leaving a temp file or half a target.
import { lstat, mkdtemp, open, readdir, readFile, rm, symlink, writeFile, link, rename } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeChunksAtomic, writeFileAtomic, type AtomicFs } from '../../../../electron/core/fs/atomicWrite'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'watchfloor-atomic-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** An fs that records every open, sync, close and rename in order, so the test sees what a power cut would need. */
function recordingFs(log: string[]): AtomicFs {
  return {
    open: (async (path: string, flags: number, mode?: number) => {
      const handle = await open(path, flags, mode)
      const name = path === dir ? 'folder' : 'temp'
      log.push(`open ${name}`)
      return new Proxy(handle, {
        get(target, key) {
          if (key === 'sync') return async () => (log.push(`sync ${name}`), target.sync())
          if (key === 'close') return async () => (log.push(`close ${name}`), target.close())
          const v = Reflect.get(target, key)
          return typeof v === 'function' ? v.bind(target) : v
        },
      })
    }) as AtomicFs['open'],
    rename: (async (a: string, b: string) => (log.push('rename'), rename(a, b))) as AtomicFs['rename'],
    link: (async (a: string, b: string) => (log.push('link'), link(a, b))) as AtomicFs['link'],
  }
}

describe('writeFileAtomic', () => {
  it('syncs the file before the rename and the folder after it', async () => {
    const log: string[] = []
    await writeFileAtomic(join(dir, 'a.json'), '{"a":1}', {}, recordingFs(log))
    expect(log).toEqual(['open temp', 'sync temp', 'close temp', 'rename', 'open folder', 'sync folder', 'close folder'])
    expect(await readFile(join(dir, 'a.json'), 'utf8')).toBe('{"a":1}')
    expect(await readdir(dir)).toEqual(['a.json'])
  })

  it('replaces an existing file whole', async () => {
    await writeFile(join(dir, 'a.json'), 'old')
    await writeFileAtomic(join(dir, 'a.json'), 'new')
    expect(await readFile(join(dir, 'a.json'), 'utf8')).toBe('new')
  })

  it('refuses a target that is a symbolic link and leaves the link’s target untouched', async () => {
    await writeFile(join(dir, 'elsewhere.txt'), 'precious')
    await symlink(join(dir, 'elsewhere.txt'), join(dir, 'workspace.json'))
    await expect(writeFileAtomic(join(dir, 'workspace.json'), 'data')).rejects.toThrow(/symbolic link/)
    expect(await readFile(join(dir, 'elsewhere.txt'), 'utf8')).toBe('precious')
    expect((await lstat(join(dir, 'workspace.json'))).isSymbolicLink()).toBe(true)
    expect((await readdir(dir)).sort()).toEqual(['elsewhere.txt', 'workspace.json'])
  })

  it('never writes through a link planted at a temp name: each write uses a fresh name, created exclusively', async () => {
    await writeFile(join(dir, 'elsewhere.txt'), 'precious')
    // The fixed temp name older builds used, planted as a link.
    await symlink(join(dir, 'elsewhere.txt'), join(dir, '.workspace.json.tmp'))
    await writeFileAtomic(join(dir, 'workspace.json'), 'data')
    expect(await readFile(join(dir, 'elsewhere.txt'), 'utf8')).toBe('precious')
    expect((await lstat(join(dir, 'workspace.json'))).isSymbolicLink()).toBe(false)
    expect(await readFile(join(dir, 'workspace.json'), 'utf8')).toBe('data')
  })

  it('with noReplace, refuses an existing target and keeps it', async () => {
    await writeFile(join(dir, 'a.md'), 'first')
    await expect(writeFileAtomic(join(dir, 'a.md'), 'second', { noReplace: true })).rejects.toMatchObject({ code: 'EEXIST' })
    expect(await readFile(join(dir, 'a.md'), 'utf8')).toBe('first')
    expect(await readdir(dir)).toEqual(['a.md'])
  })

  it('removes its temp file when the write fails and leaves the target as it was', async () => {
    await writeFile(join(dir, 'a.json'), 'old')
    const failing: AtomicFs = { ...recordingFs([]), rename: (async () => Promise.reject(Object.assign(new Error('no space left'), { code: 'ENOSPC' }))) as AtomicFs['rename'] }
    await expect(writeFileAtomic(join(dir, 'a.json'), 'new', {}, failing)).rejects.toThrow(/no space/)
    expect(await readFile(join(dir, 'a.json'), 'utf8')).toBe('old')
    expect(await readdir(dir)).toEqual(['a.json'])
  })

  it('writes chunks made as it goes, and leaves the target as it was when the maker fails midway', async () => {
    const reused = new Uint8Array(3)
    function* chunks(fail: boolean) {
      for (const part of ['new', ' co', 'nte', 'nt']) {
        if (fail && part === 'nte') throw new Error('the data could not be made')
        reused.set(Buffer.from(part))
        yield reused.subarray(0, part.length)
      }
    }
    await writeFile(join(dir, 'a.json'), 'old')
    await expect(writeChunksAtomic(join(dir, 'a.json'), chunks(true))).rejects.toThrow(/could not be made/)
    expect(await readFile(join(dir, 'a.json'), 'utf8')).toBe('old')
    expect(await readdir(dir)).toEqual(['a.json'])
    await writeChunksAtomic(join(dir, 'a.json'), chunks(false))
    expect(await readFile(join(dir, 'a.json'), 'utf8')).toBe('new content')
  })

  it('creates a file with the mode asked for', async () => {
    await writeFileAtomic(join(dir, 'secret'), 'x', { mode: 0o600 })
    expect((await lstat(join(dir, 'secret'))).mode & 0o777).toBe(0o600)
  })
})
