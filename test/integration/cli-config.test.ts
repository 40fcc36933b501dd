/** `microent config`: the settings a scheduled job needs, validated as the window validates them. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openNodeHost } from '../../src/core/node-host'
import { runCli } from '../helpers/cli'

function folder(settings?: Record<string, unknown>) {
  const dir = mkdtempSync(join(tmpdir(), 'microent-config-'))
  if (settings) writeFileSync(join(dir, 'settings.json'), JSON.stringify(settings))
  return { dir, env: { MICROENT_DATA_DIR: dir } }
}
const file = (dir: string) => JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')) as Record<string, unknown>

describe('microent config', () => {
  it('sets caps, price and rate by their settings.json names, and lists and gets them', async () => {
    const { dir, env } = folder({ theme: 'dark' })
    const set = await runCli(['config', 'set', 'dailyCap', '50', 'monthlyCap', '900', 'pricePerCall', '0.1', 'requestsPerSecond', '1.5'], env)
    expect(set.code, set.stderr).toBe(0)
    expect(file(dir)).toMatchObject({ theme: 'dark', dailyCap: 50, monthlyCap: 900, pricePerCall: 0.1, requestsPerSecond: 1.5 })
    const list = await runCli(['config', 'list', '--json'], env)
    expect(JSON.parse(list.stdout)).toMatchObject({ dailyCap: 50, monthlyCap: 900, pricePerCall: 0.1, requestsPerSecond: 1.5, theme: 'dark', freshnessDays: 30 })
    expect((await runCli(['config', 'get', 'dailyCap'], env)).stdout.trim()).toBe('50')
    expect((await runCli(['config', 'list'], env)).stdout).toContain('freshnessDays = 30  （默认）')
    expect((await runCli(['config', 'list', '--lang', 'en'], env)).stdout).toContain('freshnessDays = 30  (default)')

    const cleared = await runCli(['config', 'set', 'dailyCap', 'none'], env)
    expect(cleared.code).toBe(0)
    expect(file(dir)).toMatchObject({ dailyCap: null, monthlyCap: 900 })
  })

  it('refuses a bad value with its own words, changing nothing, not even the valid pair beside it', async () => {
    const { dir, env } = folder({ dailyCap: 50 })
    for (const args of [['dailyCap', '-5'], ['requestsPerSecond', '80'], ['baseUrl', 'ftp://x'], ['freshnessDays', '1.5'], ['monthlyCap', '100', 'dailyCap', 'abc']]) {
      const run = await runCli(['config', 'set', '--lang', 'en', ...args], env)
      expect(run.code, args.join(' ')).toBe(2)
      expect(run.stderr).toContain('nothing was changed')
      expect(run.stderr).not.toMatch(/Invalid|Expected|Too (big|small)/) // zod's own words
    }
    // Without a locale: Chinese alone, never "中文 / English".
    expect((await runCli(['config', 'set', 'dailyCap', '-5'], env)).stderr.trim()).toBe('dailyCap 须为正整数，或 none 表示不限（收到 -5）；未做任何更改')
    expect(file(dir)).toEqual({ dailyCap: 50 })
    const unknown = await runCli(['config', 'set', '--lang', 'en', 'theme', 'dark'], env)
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('settable')
  })

  it('reads while the app holds the folder, and refuses to write behind its back', async () => {
    const { dir, env } = folder({ dailyCap: 7 })
    const app = openNodeHost({ dataDir: dir, app: 'test app', key: () => null })
    try {
      expect((await runCli(['config', 'get', 'dailyCap'], env)).stdout.trim()).toBe('7')
      const set = await runCli(['config', 'set', '--lang', 'en', 'dailyCap', '8'], env)
      expect(set.code).toBe(1)
      expect(set.stderr).toContain('test app')
      expect(set.stderr).toContain('Settings')
      expect((await runCli(['config', 'set', 'dailyCap', '8'], env)).stderr).toContain('请在其设置页中修改')
      expect(file(dir)).toMatchObject({ dailyCap: 7 })
    } finally {
      await app.close()
    }
  })
})
