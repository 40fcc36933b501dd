import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FolderLockedError, openHost, withHost, withReadHost, withReadView } from '../../../src/cli/context'
import { CliError, EXIT } from '../../../src/cli/io'
import { captureIo, cli, folderEnv } from './cli-harness'
import { render } from '../../../src/shared/messages'
import { JsonFileStore } from '../../../src/core/store/json-file-store'

const missingDir = () => join(mkdtempSync(join(tmpdir(), 'microent-cli-ctx-')), 'not-there')

async function refusal(p: Promise<unknown>): Promise<CliError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(CliError)
  return err as CliError
}

describe('opening the data folder', () => {
  it('opens a named folder and closes it after the command, releasing its lock', async () => {
    const c = captureIo(folderEnv())
    expect(await withHost(c.io, (host) => host.dataDir)).toBe(c.io.env.MICROENT_DATA_DIR)
    // Released: a second writer may open it now.
    expect(await withHost(c.io, () => 'again')).toBe('again')
    expect(c.err).toEqual([])
  })

  it('creates a named folder that does not exist for a writing command, and says so', async () => {
    const dir = missingDir()
    const c = captureIo({ MICROENT_DATA_DIR: dir })
    await withHost(c.io, () => undefined)
    expect(existsSync(dir)).toBe(true)
    expect(c.err.join('\n')).toContain(dir)
  })

  it('says the folder it created, and refuses a missing or unusable one, in the CLI\'s language alone', async () => {
    const made = missingDir()
    const en = captureIo({ MICROENT_DATA_DIR: made })
    await withHost({ ...en.io, lang: 'en' }, () => undefined)
    expect(en.err).toEqual([`Created a new data folder: ${made}; lookups kept in another folder do not count as duplicates here`])
    const zhMade = missingDir()
    const zh = captureIo({ MICROENT_DATA_DIR: zhMade })
    await withHost(zh.io, () => undefined)
    expect(zh.err).toEqual([`新建数据目录：${zhMade}；其他目录中的查询记录不会用于去重`])
    const dir = missingDir()
    expect((await cli(['list', '--lang', 'en'], { MICROENT_DATA_DIR: dir })).err).toBe(`The data folder does not exist: ${dir} (check MICROENT_DATA_DIR)`)
    expect((await cli(['list'], { MICROENT_DATA_DIR: dir })).err).toBe(`数据目录不存在：${dir}（检查 MICROENT_DATA_DIR）`)
    const secret = await refusal(withReadView(captureIo(folderEnv({ JUHE_BASE_URL: 'http://user:hunter2@127.0.0.1:9/' })).io, () => 0))
    expect(render(secret.text!, 'en')).toMatch(/^JUHE_BASE_URL is not a usable http\(s\) address \(it must not carry a user name or password\): /)
    expect(render(secret.text!, 'zh-CN')).toMatch(/^JUHE_BASE_URL 不是可用的 http\(s\) 地址（不能含用户名或密码）：/)
  })

  it('refuses a named folder that does not exist for a reading command, creating nothing', async () => {
    const dir = missingDir()
    for (const open of [(io: ReturnType<typeof captureIo>['io']) => withReadHost(io, () => 0), (io: ReturnType<typeof captureIo>['io']) => withReadView(io, () => 0)]) {
      const e = await refusal(open(captureIo({ MICROENT_DATA_DIR: dir }).io))
      expect(e.exitCode).toBe(EXIT.FAILURE)
      expect(e.message).toContain(dir)
    }
    expect(existsSync(dir)).toBe(false)
  })

  it("does not make the app's own folder (MICROENT_DATA_DIR unset) for a command with nothing to do there; submit does", async () => {
    const config = mkdtempSync(join(tmpdir(), 'microent-cli-xdg-'))
    const env = { XDG_CONFIG_HOME: config, JUHE_KEY: 'test-key', MICROENT_TIME_SCALE: '0.001' }
    const dir = join(config, 'microent-desk', 'data')
    for (const args of [['run', '--until-done'], ['resubmit', 'x', '--yes'], ['resume']]) {
      const r = await cli([...args, '--lang', 'en'], env)
      expect([args[0], r.code]).toEqual([args[0], EXIT.FAILURE])
      expect(r.err).toContain(`No data yet: ${dir} does not exist, so there is nothing to run or act on (microent submit creates it)`)
      expect(existsSync(dir)).toBe(false)
    }
    expect((await cli(['run'], env)).err).toContain(`还没有数据：${dir} 不存在`)
    // Reading commands show it empty (doctor: sound, nothing to repair), making nothing.
    const listed = await cli(['list', '--json'], env)
    expect([listed.code, listed.out]).toEqual([EXIT.OK, '[]'])
    expect((await cli(['doctor', '--repair'], env)).code).toBe(EXIT.OK)
    expect(existsSync(dir)).toBe(false)
    expect((await cli(['submit', '--yes', '成都某某测试科技有限公司'], env)).code).toBe(EXIT.OK)
    expect(existsSync(dir)).toBe(true)
  })

  it('refuses a data folder that is a file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'microent-cli-ctx-')), 'data')
    writeFileSync(file, 'x')
    const e = await refusal(withHost(captureIo({ MICROENT_DATA_DIR: file }).io, () => 0))
    expect(e.exitCode).toBe(EXIT.FAILURE)
    expect(e.message).toContain(file)
  })

  it('refuses an unusable JUHE_BASE_URL with exit 2, never repeating its credentials', async () => {
    const bad = await refusal(withHost(captureIo(folderEnv({ JUHE_BASE_URL: 'ftp://example.com' })).io, () => 0))
    expect(bad.exitCode).toBe(EXIT.USAGE)
    expect(bad.message).toContain('ftp://example.com')
    const secret = await refusal(withReadView(captureIo(folderEnv({ JUHE_BASE_URL: 'http://user:hunter2@127.0.0.1:9/' })).io, () => 0))
    expect(secret.exitCode).toBe(EXIT.USAGE)
    expect(secret.message).not.toContain('hunter2')
  })

  it('says who holds the folder when another writer has it', async () => {
    const env = folderEnv()
    const first = await openHost(captureIo(env).io)
    try {
      const e = await refusal(withHost(captureIo(env).io, () => 0))
      expect(e).toBeInstanceOf(FolderLockedError)
      expect((e as FolderLockedError).holder).toMatchObject({ pid: process.pid, app: 'microent CLI' })
      // A reader needs no lock: the folder is read as it is.
      expect(await withReadView(captureIo(env).io, (view) => view.list().length)).toBe(0)
    } finally {
      await first.close()
    }
  })

  it("says a newer version's data file in the CLI's language, to a writer and to a reader alike", async () => {
    const env = folderEnv()
    new JsonFileStore(join(env.MICROENT_DATA_DIR!, 'queue-00.json')).setMany({ schemaVersion: 99, jobs: {} })
    for (const open of [(io: ReturnType<typeof captureIo>['io']) => withHost(io, () => 0), (io: ReturnType<typeof captureIo>['io']) => withReadView(io, () => 0)]) {
      const zh = await refusal(open(captureIo(env).io))
      expect(zh.exitCode).toBe(EXIT.FAILURE)
      expect(zh.message).toContain('queue-00 由更新版本的程序写入（数据版本 99')
      const en = await refusal(open({ ...captureIo(env).io, lang: 'en' }))
      expect(en.message).toContain('queue-00 was written by a newer version (schema 99')
    }
  })

  it('closes the folder even when the command fails', async () => {
    const env = folderEnv()
    await expect(withHost(captureIo(env).io, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    expect(await withHost(captureIo(env).io, () => 'free')).toBe('free')
  })
})
