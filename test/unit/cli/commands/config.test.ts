import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EXIT } from '../../../../src/cli/io'
import { openNodeHost } from '../../../../src/core/node-host'
import { DEFAULT_SETTINGS } from '../../../../src/core/settings'
import { cli, folderEnv } from '../cli-harness'

const settingsFile = (env: NodeJS.ProcessEnv) => JSON.parse(readFileSync(join(env.MICROENT_DATA_DIR!, 'settings.json'), 'utf8')) as Record<string, unknown>

describe('config list and get', () => {
  it('lists every setting as JSON, the defaults where the file has none', async () => {
    const env = folderEnv()
    const r = await cli(['config', 'list', '--json'], env)
    expect(r.code).toBe(EXIT.OK)
    expect(JSON.parse(r.out)).toEqual({ ...DEFAULT_SETTINGS, submitIntervalMs: 20, requestsPerSecond: 40, desk: null })
  })

  it('marks the defaults for people, and shows null as none', async () => {
    const r = await cli(['config', 'list', '--lang', 'en'], folderEnv())
    expect(r.out).toMatch(/^submitIntervalMs = 20$/m)
    expect(r.out).toMatch(/^dailyCap = none {2}\(default\)$/m)
    expect(r.out).not.toMatch(/[\u4e00-\u9fff]/)
    expect((await cli(['config', 'list'], folderEnv())).out).toMatch(/^dailyCap = none {2}（默认）$/m)
  })

  it('gets one setting, refusing a name that is none (exit 2)', async () => {
    const env = folderEnv()
    expect((await cli(['config', 'get', 'requestsPerSecond'], env)).out).toBe('40')
    expect((await cli(['config', 'get', 'dailyCap', '--json'], env)).out).toBe('null')
    expect((await cli(['config', 'get', 'nope'], env)).code).toBe(EXIT.USAGE)
  })

  it('refuses a settings file that is not JSON (exit 1)', async () => {
    const env = folderEnv()
    writeFileSync(join(env.MICROENT_DATA_DIR!, 'settings.json'), '{ nope')
    expect((await cli(['config', 'list'], env)).code).toBe(EXIT.FAILURE)
  })
})

describe('config set', () => {
  it('writes validated values, none for a cap, and says what it set', async () => {
    const env = folderEnv()
    const r = await cli(['config', 'set', 'dailyCap', '50', 'monthlyCap', 'none', 'pricePerCall', '0.5'], env)
    expect(r.code).toBe(EXIT.OK)
    expect(r.err.split('\n')).toEqual(['dailyCap = 50', 'monthlyCap = none', 'pricePerCall = 0.5'])
    expect(settingsFile(env)).toMatchObject({ dailyCap: 50, monthlyCap: null, pricePerCall: 0.5, submitIntervalMs: 20 })
  })

  it('refuses, changing nothing: an odd list, a setting not set from here, a bad value (exit 2)', async () => {
    const env = folderEnv()
    for (const args of [['dailyCap'], ['language', 'en'], ['dailyCap', '-5'], ['requestsPerSecond', 'fast'], []]) {
      const r = await cli(['config', 'set', ...args], env)
      expect(r.code, args.join(' ')).toBe(EXIT.USAGE)
    }
    expect(settingsFile(env)).toEqual({ submitIntervalMs: 20, requestsPerSecond: 40 })
  })

  it("sets the app's team mode, a URL without its password and a desk name; none turns it off", async () => {
    const env = folderEnv()
    const r = await cli(['config', 'set', 'teamDatabaseUrl', 'postgres://desk@db.example.com/microent', 'teamDesk', '前台-1'], env)
    expect(r.code).toBe(EXIT.OK)
    expect(settingsFile(env)).toMatchObject({ teamDatabaseUrl: 'postgres://desk@db.example.com/microent', teamDesk: '前台-1' })
    // A password is never written to settings.json: the window keeps it in the OS key store.
    const withPassword = await cli(['config', 'set', 'teamDatabaseUrl', 'postgres://desk:secret@db.example.com/microent'], env)
    expect(withPassword.code).toBe(EXIT.USAGE)
    expect(withPassword.err).not.toContain('secret')
    expect(readFileSync(join(env.MICROENT_DATA_DIR!, 'settings.json'), 'utf8')).not.toContain('secret')
    expect((await cli(['config', 'set', 'teamDatabaseUrl', 'none', 'teamDesk', 'none'], env)).code).toBe(EXIT.OK)
    expect(settingsFile(env)).toMatchObject({ teamDatabaseUrl: null, teamDesk: null })
  })

  it('refuses while the app holds the folder (exit 1), changing nothing', async () => {
    const env = folderEnv()
    const host = openNodeHost({ dataDir: env.MICROENT_DATA_DIR!, app: 'unit test app', key: () => null, baseUrl: null, timeScale: 1 })
    try {
      const r = await cli(['config', 'set', 'dailyCap', '5'], env)
      expect(r.code).toBe(EXIT.FAILURE)
    } finally {
      await host.close()
    }
    expect(settingsFile(env).dailyCap).toBeUndefined()
  })

  it('needs a verb', async () => {
    expect((await cli(['config'], folderEnv())).code).toBe(EXIT.USAGE)
    expect((await cli(['config', 'delete', 'x'], folderEnv())).code).toBe(EXIT.USAGE)
    expect((await cli(['config'], folderEnv())).err).toMatch(/^用法：microent config list/)
    expect((await cli(['config', '--lang', 'en'], folderEnv())).err).toMatch(/^Usage: microent config list \[--json\] \| config get <key>/)
    expect((await cli(['config', 'set', 'dailyCap', '--lang', 'en'], folderEnv())).err).toBe('Usage: microent config set <key> <value> [<key> <value>…]')
  })
})
