import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createFileLogger } from '../../../../src/main/logging/file-logger'

const KEY = 'Zk3-custom_key.value'

describe('createFileLogger', () => {
  it('writes redacted JSON lines, including secrets inside data', () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-log-'))
    const file = join(dir, 'logs', 'main.log')
    const log = createFileLogger({ file, secrets: () => [KEY], clock: () => Date.UTC(2026, 0, 1) })
    log.error(`failed with ${KEY}`, { url: `https://v.juhe.cn/q?key=${KEY}`, nested: { k: KEY } })
    const text = readFileSync(file, 'utf8')
    expect(text).not.toContain(KEY)
    expect(JSON.parse(text.trim())).toMatchObject({ t: '2026-01-01T00:00:00.000Z', level: 'error', msg: 'failed with [redacted]' })
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o077).toBe(0)
  })

  it('rotates once past the size limit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-log-'))
    const file = join(dir, 'main.log')
    const log = createFileLogger({ file, secrets: () => [], maxBytes: 200 })
    for (let i = 0; i < 20; i++) log.info(`line ${i}`)
    expect(existsSync(`${file}.1`)).toBe(true)
    expect(statSync(file).size).toBeLessThan(400)
  })

  it('never throws when the log cannot be written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-log-'))
    writeFileSync(join(dir, 'not-a-folder'), '')
    const log = createFileLogger({ file: join(dir, 'not-a-folder', 'main.log'), secrets: () => [] })
    expect(() => log.warn('x')).not.toThrow()
  })
})
