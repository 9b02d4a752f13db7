// Validates STIX 2.1 objects against the OASIS JSON schemas in ../shared/stix2-schemas (ajv, draft 2020-12), as the interchange tests and bench do.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020'
import addFormats from 'ajv-formats'

const ROOT = join(import.meta.dirname, '../../../shared/stix2-schemas/schemas')

let cache: { byType: Map<string, ValidateFunction>; core: ValidateFunction } | null = null

function load() {
  if (cache) return cache
  const ajv = new Ajv2020({ strict: false, unicodeRegExp: false, allErrors: true })
  addFormats(ajv)
  ajv.addFormat('idn-hostname', () => true)
  const byType = new Map<string, ValidateFunction>()
  for (const folder of ['common', 'sdos', 'sros', 'observables']) {
    for (const file of readdirSync(join(ROOT, folder))) ajv.addSchema(JSON.parse(readFileSync(join(ROOT, folder, file), 'utf8')))
  }
  for (const folder of ['sdos', 'sros', 'observables']) {
    for (const file of readdirSync(join(ROOT, folder))) {
      const schema = JSON.parse(readFileSync(join(ROOT, folder, file), 'utf8')) as { $id: string }
      byType.set(file.replace(/\.json$/, ''), ajv.getSchema(schema.$id)!)
    }
  }
  for (const file of ['marking-definition', 'extension-definition', 'bundle']) {
    const schema = JSON.parse(readFileSync(join(ROOT, 'common', `${file}.json`), 'utf8')) as { $id: string }
    byType.set(file, ajv.getSchema(schema.$id)!)
  }
  const core = ajv.getSchema(JSON.parse(readFileSync(join(ROOT, 'common', 'core.json'), 'utf8')).$id)!
  cache = { byType, core }
  return cache
}

/** Every schema error of every object (its type's schema, or the core schema for a custom type), as `id: path message`. */
export function oasisErrors(objects: readonly { type: string; id: string }[]): string[] {
  const { byType, core } = load()
  const errors: string[] = []
  for (const o of objects) {
    const { id } = o
    const validate = byType.get(o.type) ?? core
    if (!validate(o)) for (const e of validate.errors ?? []) errors.push(`${id}: ${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`)
  }
  return errors
}
