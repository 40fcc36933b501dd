import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cleanLeftoverTempFiles } from '../../../../src/core/store/recoverable-open'

const tmp = () => mkdtempSync(join(tmpdir(), 'microent-store-'))

describe('cleanLeftoverTempFiles', () => {
  it('cleans temp files left by a killed atomic write, and only those', () => {
    const dir = tmp()
    writeFileSync(join(dir, 'queue.json.tmp-1764403200abc123'), '{')
    writeFileSync(join(dir, 'queue.json'), '{}')
    writeFileSync(join(dir, 'notes.tmp'), 'keep')
    expect(cleanLeftoverTempFiles(dir)).toEqual(['queue.json.tmp-1764403200abc123'])
    expect(readdirSync(dir).sort()).toEqual(['notes.tmp', 'queue.json'])
  })
})
