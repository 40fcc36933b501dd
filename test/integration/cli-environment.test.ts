/**
 * Environment faults end in one clear sentence and exit 1, at once: a data folder under /proc (Node's recursive
 * mkdir loops for ever there, deaf to Ctrl-C), under a file, or where the user may not write.
 */
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeDataFolder, DataFolderError } from '../../src/core/store/make-folder'
import { runCli } from '../helpers/cli'

const submit = (dir: string) => runCli(['submit', '--yes', '环境测试科技有限公司'], { MICROENT_DATA_DIR: dir, JUHE_KEY: 'k' }, { timeoutMs: 5_000 })

describe('a data folder that cannot be', () => {
  it.runIf(process.platform === 'linux')('under /proc: refused at once, named, exit 1 (it spun for ever)', async () => {
    const started = Date.now()
    const run = await submit('/proc/1/nope')
    expect(run.signal).toBeNull()
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('/proc/1/nope is a system path')
    expect(run.stderr).not.toContain('Created a new data folder')
    expect(Date.now() - started).toBeLessThan(5_000)
  })

  it('under a file: names the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-env-'))
    writeFileSync(join(dir, 'plain'), 'x')
    const run = await submit(join(dir, 'plain', 'data'))
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('is a file, not a folder')
  })

  it.runIf(process.platform !== 'win32' && process.getuid?.() !== 0)('where the user may not write: says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-env-'))
    chmodSync(dir, 0o555)
    const run = await submit(join(dir, 'data'))
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('No permission')
  })

  it('the check itself: a missing chain of folders is made; a read-only parent is a permission problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-env-'))
    makeDataFolder(join(dir, 'a', 'b', 'c'))
    expect(() => makeDataFolder(join(dir, 'a', 'b', 'c'))).not.toThrow()
    writeFileSync(join(dir, 'f'), '')
    expect(() => makeDataFolder(join(dir, 'f', 'x'))).toThrow(DataFolderError)
  })

  it('a JUHE_BASE_URL with a user name and password is refused without repeating them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-env-'))
    const run = await runCli(['list'], { MICROENT_DATA_DIR: dir, JUHE_BASE_URL: 'https://user:s3cret@proxy.example.cn' })
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('https://***@proxy.example.cn')
    expect(run.stderr).toContain('must not carry a user name or password')
    expect(run.stderr + run.stdout).not.toContain('s3cret')
  })
})
