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

  it('prints the usage in one language: Chinese by default, English with --lang en or an English locale', async () => {
    const zh = (await cli(['help'], {})).out
    expect(zh).toContain('退出码：0 成功')
    expect(zh).not.toContain('Exit codes')
    for (const en of [(await cli(['help', '--lang', 'en'], {})).out, (await cli(['help'], { LANG: 'en_US.UTF-8' })).out]) {
      expect(en).toMatch(/^microent — /)
      expect(en).toContain('microent submit <keyword>...')
      expect(en).toContain('Exit codes: 0 ok, 1 other failure, 2 bad usage or input (nothing changed), 3 key/permission error')
      expect(en).not.toMatch(/[\u4e00-\u9fff]/)
    }
  })

  it('says an unknown command, bad arguments and a failure in one language', async () => {
    const unknown = await cli(['frobnicate', '--lang', 'en'], {})
    expect(unknown.err).toMatch(/^Unknown command: frobnicate\n\nmicroent — /)
    expect(unknown.err).not.toMatch(/[\u4e00-\u9fff]/)
    expect((await cli(['frobnicate'], {})).err).toMatch(/^未知命令：frobnicate\n\nmicroent — /)
    const bad = await cli(['submit', '--lang', 'en', '-1号公司'], folderEnv())
    expect(bad.err).toMatch(/^Bad arguments: .*\nPut a keyword that starts with "-" after --, e\.g\. microent submit -- -1号公司\n/)
    expect(bad.err.split('-1号公司').join('')).not.toMatch(/[\u4e00-\u9fff]/)
    expect((await cli(['submit', '-1号公司'], folderEnv())).err).toMatch(/^参数错误：.*\n以“-”开头的关键词请写在 -- 之后，例如 microent submit -- -1号公司\n/)
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
