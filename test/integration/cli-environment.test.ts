/**
 * Environment faults end in one clear sentence and exit 1, at once: a data folder under /proc (Node's recursive
 * mkdir loops for ever there, deaf to Ctrl-C), under a file, or where the user may not write.
 */
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeDataFolder, DataFolderError, problemOf } from '../../src/core/store/make-folder'
import { spawnSync } from 'node:child_process'
import { CLI, runCli } from '../helpers/cli'

/** nobody: root may write anywhere, so the permission test runs the CLI as an ordinary user when the tests are root. */
const NOBODY = 65534
const asRoot = process.getuid?.() === 0
/** Whether nobody can read the checkout (a clone under a private home folder cannot be run as another user). */
function nobodyCanRunTheCli(): boolean {
  const probe = spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(CLI)}, require('fs').constants.R_OK)`], { uid: NOBODY, gid: NOBODY })
  return probe.status === 0
}
const submit = (dir: string, asUser?: number) =>
  runCli(['submit', '--yes', '环境测试科技有限公司'], { MICROENT_DATA_DIR: dir, JUHE_KEY: 'k', HOME: tmpdir() }, { timeoutMs: 5_000, asUser })

describe('a data folder that cannot be', () => {
  it.runIf(process.platform === 'linux')('under /proc: refused at once, named, exit 1 (it spun for ever)', async () => {
    const started = Date.now()
    const run = await submit('/proc/1/nope')
    expect(run.signal).toBeNull()
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('/proc/1/nope 是系统目录（/proc、/sys、/dev），不能作为数据目录（检查 MICROENT_DATA_DIR）')
    expect(run.stderr).not.toContain('新建数据目录')
    expect(Date.now() - started).toBeLessThan(5_000)
    const en = await runCli(['submit', '--yes', '--lang', 'en', '环境测试科技有限公司'], { MICROENT_DATA_DIR: '/proc/1/nope', JUHE_KEY: 'k', HOME: tmpdir() }, { timeoutMs: 5_000 })
    expect(en.stderr).toContain('/proc/1/nope is a system path (/proc, /sys, /dev) and cannot hold the data folder (check MICROENT_DATA_DIR)')
    expect(en.stderr).not.toContain('Created a new data folder')
  })

  it('under a file: names the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-env-'))
    writeFileSync(join(dir, 'plain'), 'x')
    const run = await submit(join(dir, 'plain', 'data'))
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('是文件，不是文件夹')
  })

  it.runIf(process.platform !== 'win32' && (!asRoot || nobodyCanRunTheCli()))('where the user may not write: says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-env-'))
    chmodSync(dir, 0o555)
    const run = await submit(join(dir, 'data'), asRoot ? NOBODY : undefined)
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('没有权限在')
  })

  it('the check itself: a missing chain of folders is made; a read-only parent is a permission problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-env-'))
    makeDataFolder(join(dir, 'a', 'b', 'c'))
    expect(() => makeDataFolder(join(dir, 'a', 'b', 'c'))).not.toThrow()
    writeFileSync(join(dir, 'f'), '')
    expect(() => makeDataFolder(join(dir, 'f', 'x'))).toThrow(DataFolderError)
  })

  it('names each errno as the user understands it (a read-only file system cannot be made in a test)', () => {
    const err = (code: string) => Object.assign(new Error(code), { code })
    expect(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EIO'].map((c) => problemOf(err(c)))).toEqual(['no_permission', 'no_permission', 'read_only', 'not_a_folder', 'cannot_create'])
  })

  it('a JUHE_BASE_URL with a user name and password is refused without repeating them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-env-'))
    const run = await runCli(['list'], { MICROENT_DATA_DIR: dir, JUHE_BASE_URL: 'https://user:s3cret@proxy.example.cn' })
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('https://***@proxy.example.cn')
    expect(run.stderr).toContain('（不能含用户名或密码）')
    const en = await runCli(['list', '--lang', 'en'], { MICROENT_DATA_DIR: dir, JUHE_BASE_URL: 'https://user:s3cret@proxy.example.cn' })
    expect(en.stderr).toBe('JUHE_BASE_URL is not a usable http(s) address (it must not carry a user name or password): https://***@proxy.example.cn\n')
    expect(run.stderr + run.stdout).not.toContain('s3cret')
  })
})
