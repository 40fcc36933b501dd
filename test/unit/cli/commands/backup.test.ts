import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EXIT } from '../../../../src/cli/io'
import { acquireDataLock } from '../../../../src/core/store/data-lock'
import type { Simulator } from '../../../../src/sim/types'
import { unzipped } from '../../../helpers/backup-bundle'
import { cli, folderEnv, lookedUp, simEnv } from '../cli-harness'

let sim: Simulator
let envFor: (extra?: NodeJS.ProcessEnv) => NodeJS.ProcessEnv
beforeAll(async () => {
  ;({ sim, env: envFor } = await simEnv())
})
afterAll(() => sim?.close())

const outFile = () => join(mkdtempSync(join(tmpdir(), 'microent-cli-backup-')), 'b.zip')
const into = (dir: string): NodeJS.ProcessEnv => ({ MICROENT_DATA_DIR: dir, MICROENT_TIME_SCALE: '0.001' })

describe('backup and restore', () => {
  it('round trip: backup --json, restore --json into a new folder, the same lookups and chain head', async () => {
    const env = envFor()
    await lookedUp(env, ['备份单元测试甲科技有限公司', '备份单元测试乙科技有限公司'])
    const out = outFile()
    const backup = await cli(['backup', out, '--json'], env)
    expect(backup.code, backup.err).toBe(EXIT.OK)
    const b = JSON.parse(backup.out) as { file: string; files: number; bytes: number; chainHead: string }
    expect(b.file).toBe(out)
    expect(b.bytes).toBe(readFileSync(out).length)
    expect(b.chainHead).toMatch(/^[0-9a-f]{64}$/)
    expect(b.files).toBeGreaterThanOrEqual(4)
    expect(readFileSync(out).includes('test-key')).toBe(false)
    // Every file the app wrote is in the bundle (a new kind of data file the backup does not know would show here).
    expect([...unzipped(out).keys()].sort()).toEqual([...readdirSync(env.MICROENT_DATA_DIR!), 'manifest.json'].sort())

    const target = join(mkdtempSync(join(tmpdir(), 'microent-cli-restore-')), 'data')
    const restore = await cli(['restore', out, '--json'], into(target))
    expect(restore.code, restore.err).toBe(EXIT.OK)
    expect(JSON.parse(restore.out)).toEqual({ dataDir: target, files: b.files, chainHead: b.chainHead, desk: null })
    expect((await cli(['list', '--json'], into(target))).out).toBe((await cli(['list', '--json'], env)).out)
    const verify = await cli(['audit', 'verify', '--json'], into(target))
    expect(verify.code).toBe(EXIT.OK)
    expect(JSON.parse(verify.out).head).toBe(b.chainHead)
  })

  it('says what it did in the chosen language, on stderr', async () => {
    const env = envFor()
    await lookedUp(env, ['备份单元测试丙科技有限公司'])
    const out = outFile()
    const en = await cli(['backup', out, '--lang', 'en'], env)
    expect(en.code).toBe(EXIT.OK)
    expect(en.out).toBe('')
    expect(en.err).toMatch(/^Backed up \d+ data files to .*b\.zip .*chain head [0-9a-f]{64}.*The API key is not in it\.$/)
    const target = join(mkdtempSync(join(tmpdir(), 'microent-cli-restore-')), 'data')
    const zh = await cli(['restore', out, '--lang', 'zh-CN'], into(target))
    expect(zh.code).toBe(EXIT.OK)
    expect(zh.err).toContain(`到 ${target}`)
  })

  it('is refused while the folder is held (exit 1), naming the holder and what to do', async () => {
    const env = folderEnv()
    const held = acquireDataLock(env.MICROENT_DATA_DIR!, 'microent desktop')
    try {
      const out = outFile()
      const r = await cli(['backup', out, '--lang', 'en'], env)
      expect(r.code).toBe(EXIT.FAILURE)
      expect(r.err).toContain('microent desktop')
      expect(r.err).toContain('close the app or stop the running `run`')
      expect(existsSync(out)).toBe(false)
    } finally {
      held.release()
    }
  })

  it('restore: refused into a folder with data, and for a bundle that does not verify (exit 1, nothing written)', async () => {
    const env = folderEnv()
    const out = outFile()
    expect((await cli(['backup', out], env)).code).toBe(EXIT.OK)
    const other = folderEnv()
    const before = readdirSync(other.MICROENT_DATA_DIR!)
    const busy = await cli(['restore', out, '--lang', 'en'], other)
    expect(busy.code).toBe(EXIT.FAILURE)
    expect(busy.err).toContain('is not empty')
    expect(readdirSync(other.MICROENT_DATA_DIR!)).toEqual(before)

    const bad = outFile()
    writeFileSync(bad, 'PK\u0003\u0004 not really')
    const target = join(mkdtempSync(join(tmpdir(), 'microent-cli-restore-')), 'data')
    const refused = await cli(['restore', bad, '--lang', 'en'], into(target))
    expect(refused.code).toBe(EXIT.FAILURE)
    expect(refused.err).toMatch(/does not verify, so nothing was written: it is no readable zip file/)
    expect(existsSync(target)).toBe(false)
  })

  it('bad usage exits 2: no file, two files, not .zip, an existing file, a file inside the data folder', async () => {
    const env = folderEnv()
    expect((await cli(['backup'], env)).code).toBe(EXIT.USAGE)
    expect((await cli(['restore'], env)).code).toBe(EXIT.USAGE)
    expect((await cli(['backup', 'a.zip', 'b.zip'], env)).code).toBe(EXIT.USAGE)
    const tar = await cli(['backup', 'out.tar', '--lang', 'en'], env)
    expect([tar.code, tar.err]).toEqual([EXIT.USAGE, 'A backup is written as a .zip file: out.tar'])
    const out = outFile()
    writeFileSync(out, 'older')
    expect((await cli(['backup', out], env)).code).toBe(EXIT.USAGE)
    expect(readFileSync(out, 'utf8')).toBe('older')
    expect((await cli(['backup', join(env.MICROENT_DATA_DIR!, 'b.zip')], env)).code).toBe(EXIT.USAGE)
  })

  it('backup of a data folder that does not exist: exit 1', async () => {
    const r = await cli(['backup', outFile()], into(join(tmpdir(), 'microent-no-such-folder-y')))
    expect(r.code).toBe(EXIT.FAILURE)
  })
})
