// Loaded into Electron's installer by scripts/start.mjs: when a download fails, says which host and why on one
// stderr line ("fetch failed" alone names neither).
const fetchOf = globalThis.fetch

globalThis.fetch = async function explainedFetch(input, init) {
  try {
    return await fetchOf(input, init)
  } catch (err) {
    const url = typeof input === 'string' || input instanceof URL ? String(input) : input.url
    const cause = err?.cause?.message ?? err?.message ?? String(err)
    process.stderr.write(`watchfloor-fetch-failed ${new URL(url).host} ${cause}\n`)
    throw err
  }
}
