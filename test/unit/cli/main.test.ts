import { describe, expect, it } from 'vitest'
import { EXIT } from '../../../src/cli/io'
import { msg, render } from '../../../src/shared/messages'
import { cli, folderEnv } from './cli-harness'

describe('microent (main)', () => {
  it('prints the usage: exit 0 when asked for, 2 when no command is given', async () => {
    for (const help of ['help', '--help', '-h']) {
      const r = await cli([help], {})
      expect(r.code).toBe(EXIT.OK)
      expect(r.out).toMatch(/^microent — /)
      expect(r.out).toContain('microent submit <keyword>...')
    }
    const none = await cli([], {})
    expect(none.code).toBe(EXIT.USAGE)
    expect(none.out).toMatch(/^microent — /)
  })

  it('refuses an unknown command with the usage, exit 2', async () => {
    const r = await cli(['frobnicate'], {})
    expect(r.code).toBe(EXIT.USAGE)
    expect(r.err).toContain('frobnicate')
    expect(r.err).toContain('microent submit <keyword>...')
  })

  it('refuses an unknown --lang, exit 2, and takes --lang anywhere in the line', async () => {
    const bad = await cli(['list', '--lang', 'fr'], {})
    expect(bad.code).toBe(EXIT.USAGE)
    expect(bad.err).toContain('fr')
    expect((await cli(['--lang', 'en', 'help'], {})).code).toBe(EXIT.OK)
  })

  it('answers an unknown option with exit 2 and the hint for keywords that start with "-"', async () => {
    const r = await cli(['submit', '-1号公司'], folderEnv())
    expect(r.code).toBe(EXIT.USAGE)
    expect(r.err).toContain('microent submit -- -1号公司')
  })

  it("ends with a command's CliError exit code, and 2 for a command's bad usage", async () => {
    const r = await cli(['show'], folderEnv())
    expect(r.code).toBe(EXIT.USAGE)
    expect(r.err).toContain('microent show <keyword|jobid>')
    const noKey = await cli(['run'], folderEnv())
    expect(noKey.code).toBe(EXIT.KEY)
    expect(noKey.err).toContain('JUHE_KEY')
  })

  it('passes the language chosen with --lang to the command', async () => {
    const en = await cli(['--lang', 'en', 'submit', '--dry-run', '--', ' '], folderEnv())
    const zh = await cli(['submit', '--dry-run', '--lang', 'zh-CN', '--', ' '], folderEnv())
    expect([en.code, zh.code]).toEqual([EXIT.USAGE, EXIT.USAGE])
    expect(en.out).toContain(render(msg('keyword.empty'), 'en'))
    expect(zh.out).toContain(render(msg('keyword.empty'), 'zh-CN'))
  })
})
