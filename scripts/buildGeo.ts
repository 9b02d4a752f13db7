// `npm run build:geo`: regenerates renderer/public/geo (countries 110m/50m, label points) and renderer/public/glyphs from npm packages, offline.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { countriesFrom, labelPoints } from './geo/boundaries'
import { drawGlyphs, encodeGlyphRange, FONT_STACK, GLYPH_RANGES } from './geo/glyphs'

const ROOT = join(import.meta.dirname, '..')
const GEO = join(ROOT, 'renderer/public/geo')
const GLYPHS = join(ROOT, 'renderer/public/glyphs', FONT_STACK)
const require = createRequire(import.meta.url)

mkdirSync(GEO, { recursive: true })
mkdirSync(GLYPHS, { recursive: true })
for (const res of ['110m', '50m']) {
  const topology = JSON.parse(readFileSync(require.resolve(`world-atlas/countries-${res}.json`), 'utf8'))
  const countries = countriesFrom(topology)
  writeFileSync(join(GEO, `countries-${res}.json`), JSON.stringify(countries))
  console.log(`geo/countries-${res}.json: ${countries.features.length} features`)
  if (res === '50m') {
    const labels = labelPoints(countries)
    writeFileSync(join(GEO, 'labels.json'), JSON.stringify(labels))
    console.log(`geo/labels.json: ${labels.features.length} label points`)
  }
}
const glyphs = await drawGlyphs(GLYPH_RANGES)
for (const [start, list] of glyphs) {
  writeFileSync(join(GLYPHS, `${start}-${start + 255}.pbf`), encodeGlyphRange(FONT_STACK, start, list))
  console.log(`glyphs/${FONT_STACK}/${start}-${start + 255}.pbf: ${list.length} glyphs`)
}
