import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { INSTALLATION_FILE, installationId, readInstallationId } from '../../../../src/core/store/installation-file'
import { isDataFileName } from '../../../../src/core/store/backup-bundle'

const folder = () => mkdtempSync(join(tmpdir(), 'microent-installation-'))

describe('installationId', () => {
  it('is made once, written to installation.json, and the same id at every later open (a restart)', () => {
    const dir = folder()
    const first = installationId(dir, () => Date.UTC(2026, 0, 2))
    expect(first).toMatch(/^[0-9a-f-]{36}$/)
    const file = JSON.parse(readFileSync(join(dir, INSTALLATION_FILE), 'utf8')) as Record<string, unknown>
    expect(file).toEqual({ id: first, createdAt: '2026-01-02T00:00:00.000Z' })
    expect(installationId(dir)).toBe(first)
    expect(installationId(dir)).toBe(first)
    // Written through a temp file and a rename: nothing else is left in the folder.
    expect(readdirSync(dir)).toEqual([INSTALLATION_FILE])
  })

  it('differs between two data folders (two installations)', () => {
    expect(installationId(folder())).not.toBe(installationId(folder()))
  })

  it('replaces a damaged or empty file with a new id, kept from then on', () => {
    for (const text of ['{"id":', '{"id":""}', '[]']) {
      const dir = folder()
      writeFileSync(join(dir, INSTALLATION_FILE), text)
      const id = installationId(dir)
      expect(id).toMatch(/^[0-9a-f-]{36}$/)
      expect(installationId(dir)).toBe(id)
    }
  })

  it('is not a data file: a backup restored on another computer makes another installation there', () => {
    const dir = folder()
    installationId(dir)
    expect(existsSync(join(dir, INSTALLATION_FILE))).toBe(true)
    expect(isDataFileName(INSTALLATION_FILE)).toBe(false)
  })
})

describe('readInstallationId', () => {
  it('reads the id without making one: null in a folder that has none, or a damaged one', () => {
    const dir = folder()
    expect(readInstallationId(dir)).toBeNull()
    expect(existsSync(join(dir, INSTALLATION_FILE))).toBe(false)
    const id = installationId(dir)
    expect(readInstallationId(dir)).toBe(id)
    writeFileSync(join(dir, INSTALLATION_FILE), '{"id"')
    expect(readInstallationId(dir)).toBeNull()
  })
})
