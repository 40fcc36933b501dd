import { describe, expect, it } from 'vitest'
import { langFromEnv, langOf, parseLang, say, takeLangOption } from '../../../src/cli/lang'
import type { CliIo } from '../../../src/cli/io'
import { msg } from '../../../src/shared/messages'

describe('the CLI language', () => {
  it('follows the locale in POSIX order, Chinese unless it is English', () => {
    expect(langFromEnv({})).toBe('zh-CN')
    expect(langFromEnv({ LANG: 'C.UTF-8' })).toBe('zh-CN')
    expect(langFromEnv({ LANG: 'en_US.UTF-8' })).toBe('en')
    expect(langFromEnv({ LANG: 'zh_CN.UTF-8' })).toBe('zh-CN')
    expect(langFromEnv({ LANG: 'en_US.UTF-8', LC_ALL: 'zh_CN.UTF-8' })).toBe('zh-CN')
    expect(langFromEnv({ LANG: 'zh_CN.UTF-8', LC_MESSAGES: 'en_GB.UTF-8' })).toBe('en')
    expect(langFromEnv({ LANG: 'english' })).toBe('zh-CN')
  })

  it('takes --lang out of the arguments wherever it stands, but not after --', () => {
    expect(takeLangOption(['list', '--lang', 'en', '--json'])).toEqual({ argv: ['list', '--json'], value: 'en' })
    expect(takeLangOption(['--lang=zh-CN', 'list'])).toEqual({ argv: ['list'], value: 'zh-CN' })
    expect(takeLangOption(['submit', '--', '--lang'])).toEqual({ argv: ['submit', '--', '--lang'], value: null })
    expect(takeLangOption(['list', '--lang'])).toEqual({ argv: ['list'], value: '' })
  })

  it('knows the two languages by their usual names only', () => {
    expect(parseLang('en')).toBe('en')
    expect(parseLang('EN')).toBe('en')
    expect(parseLang('zh')).toBe('zh-CN')
    expect(parseLang('zh-CN')).toBe('zh-CN')
    expect(parseLang('fr')).toBeNull()
    expect(parseLang('')).toBeNull()
  })

  it('renders catalogue messages in the chosen language, --lang over the locale', () => {
    const io = { env: { LANG: 'en_US.UTF-8' } } as unknown as CliIo
    expect(langOf(io)).toBe('en')
    expect(say(io, msg('keyword.empty'))).toBe('The keyword is empty: enter a company name or code')
    expect(say({ ...io, lang: 'zh-CN' }, msg('keyword.empty'))).toBe('关键词为空，请输入企业名称或代码')
  })
})
