import { describe, expect, it } from 'vitest'
import { CURRENT_SCHEMA_VERSION, migrateRecord, NewerSchemaError, versionOf } from '../../../../src/core/store/schema'

describe('versionOf', () => {
  it('reads a whole non-negative version, and anything else as 0 (written before versions existed)', () => {
    expect(versionOf(3)).toBe(3)
    expect(versionOf(0)).toBe(0)
    for (const v of [undefined, null, '2', 1.5, -1, Number.NaN]) expect(versionOf(v)).toBe(0)
  })
})

describe('migrateRecord', () => {
  const migrations = {
    0: (r: Record<string, unknown>) => ({ ...r, a: 1 }),
    1: (r: Record<string, unknown>) => ({ ...r, b: (r.a as number) + 1 }),
  }

  it('applies each step from the stored version up to the target, in order', () => {
    expect(migrateRecord('f', { x: 0 }, 0, migrations, 2)).toEqual({ x: 0, a: 1, b: 2 })
    expect(migrateRecord('f', { a: 5 }, 1, migrations, 2)).toEqual({ a: 5, b: 6 })
    const same = { x: 1 }
    expect(migrateRecord('f', same, 2, migrations, 2)).toBe(same)
  })

  it('targets the current schema by default', () => {
    expect(migrateRecord('f', { x: 1 }, CURRENT_SCHEMA_VERSION, {})).toEqual({ x: 1 })
  })

  it('refuses data a newer version wrote, naming the file and both versions', () => {
    try {
      migrateRecord('queue-01.json', {}, 5, migrations, 2)
      expect.unreachable()
    } catch (err) {
      expect(err).toBeInstanceOf(NewerSchemaError)
      expect(err).toMatchObject({ file: 'queue-01.json', found: 5, supported: 2, text: { code: 'data.newerSchema', params: { file: 'queue-01.json', found: 5, supported: 2 } } })
    }
  })

  it('fails loudly on a missing step rather than skipping it', () => {
    expect(() => migrateRecord('f', {}, 0, { 0: migrations[0] }, 2)).toThrow(/no migration from schema 1 to 2/)
  })
})
