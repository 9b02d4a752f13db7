// The test TAXII server's start: a port taken between picking it and medallion binding it (by any process, or by another test's TAXII server) leads to another port, never to a failed start or to someone else's server.
import { createServer, type Server } from 'node:net'
import { afterAll, describe, expect, it } from 'vitest'
import { freePort, startTaxiiServer, TAXII_PASSWORD, TAXII_USER, type TaxiiServer } from '../../support/taxiiServer'

const started: TaxiiServer[] = []
const listeners: Server[] = []
afterAll(async () => {
  for (const s of started) await s.stop()
  for (const l of listeners) await new Promise((resolve) => l.close(resolve))
})

/** The ports handed out: `first`, then free ones. */
function picker(first: number): { pick: () => Promise<number>; picked: number[] } {
  const picked: number[] = []
  return {
    picked,
    pick: async () => {
      const port = picked.length === 0 ? first : await freePort()
      picked.push(port)
      return port
    },
  }
}

/** A port another process listens on (hanging up on whoever connects). */
async function holdPort(): Promise<number> {
  const holder = createServer((socket) => socket.destroy())
  listeners.push(holder)
  return new Promise<number>((resolve) => holder.listen(0, '127.0.0.1', () => resolve((holder.address() as { port: number }).port)))
}

const discovery = async (server: TaxiiServer) => {
  const res = await fetch(server.url, { headers: { Accept: 'application/taxii+json;version=2.1', Authorization: `Basic ${Buffer.from(`${TAXII_USER}:${TAXII_PASSWORD}`).toString('base64')}` } })
  expect(res.status).toBe(200)
  return (await res.json()) as { title: string; api_roots: string[] }
}

describe('starting the test TAXII server', () => {
  it('takes another port when another process took the picked one first', async () => {
    const held = await holdPort()
    const ports = picker(held)
    const server = await startTaxiiServer({ pickPort: ports.pick })
    started.push(server)
    expect(ports.picked.length).toBe(2)
    expect(server.origin).toBe(`http://127.0.0.1:${ports.picked[1]}`)
    const d = await discovery(server)
    expect(d.title).toBe('Test TAXII server')
    expect(d.api_roots).toEqual([server.apiRoot])
  }, 120_000)

  it('does not take another TAXII server that answers on the picked port for its own', async () => {
    const first = await startTaxiiServer()
    started.push(first)
    const ports = picker(Number(new URL(first.origin).port))
    const second = await startTaxiiServer({ pickPort: ports.pick })
    started.push(second)
    expect(second.origin).not.toBe(first.origin)
    expect((await discovery(second)).api_roots).toEqual([second.apiRoot])
    await second.stop()
    started.pop()
    // The first one was left alone.
    expect((await discovery(first)).api_roots).toEqual([first.apiRoot])
  }, 120_000)

  it('gives up in words after the set number of taken ports', async () => {
    const held = await holdPort()
    await expect(startTaxiiServer({ pickPort: async () => held, attempts: 2 })).rejects.toThrow(`other processes took ${held}, ${held} first`)
  }, 120_000)
})
