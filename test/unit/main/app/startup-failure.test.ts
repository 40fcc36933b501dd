import { describe, expect, it } from 'vitest'
import { TeamUrlError } from '../../../../src/core/team/tls'
import { startupFailureText, startupLanguage } from '../../../../src/main/app/startup-failure'
import { DataLockedError } from '../../../../src/core/store/data-lock'
import { DataFolderError } from '../../../../src/core/store/make-folder'
import { NewerSchemaError } from '../../../../src/core/store/schema'

const files = (content: Record<string, string>) => (file: string) => {
  const found = Object.entries(content).find(([name]) => file.endsWith(name))
  if (!found) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' })
  return found[1]
}

describe('the start-up error box', () => {
  it("speaks the settings' language, read from the file itself; anything unreadable means Chinese", () => {
    expect(startupLanguage('/d', files({ 'settings.json': '{"language":"en"}' }))).toBe('en')
    expect(startupLanguage('/d', files({ 'settings.json': '{"language":"zh-CN"}' }))).toBe('zh-CN')
    expect(startupLanguage('/d', files({}))).toBe('zh-CN')
    expect(startupLanguage('/d', files({ 'settings.json': '{broken' }))).toBe('zh-CN')
    expect(startupLanguage('/d', files({ 'settings.json': '{"language":"fr"}' }))).toBe('zh-CN')
    expect(startupLanguage('/d', files({ 'settings.json': 'null' }))).toBe('zh-CN')
  })

  it('names the process that holds the data folder, in one language', () => {
    const locked = new DataLockedError({ app: 'microent CLI', pid: 4242, host: 'desk-7', since: 0 })
    const zh = startupFailureText(locked, locked.message, 'zh-CN')
    expect(zh.title).toBe('数据文件夹正在使用')
    expect(zh.body).toContain('进程 4242')
    expect(zh.body).not.toMatch(/in use by/)
    const en = startupFailureText(locked, locked.message, 'en')
    expect(en.title).toBe('Data folder in use')
    expect(en.body).toContain('pid 4242 on desk-7')
    expect(en.title + en.body).not.toMatch(/[\u4e00-\u9fff]/)
  })

  it("says a data folder the core cannot use in the core's own words, in one language", () => {
    const newer = new NewerSchemaError('queue.json', 3, 1)
    expect(startupFailureText(newer, newer.message, 'zh-CN').body).toBe('启动时出错：queue.json 由更新版本的程序写入（数据版本 3，本程序支持 1），请升级程序。')
    const folder = new DataFolderError('/proc/1/x', 'system_path')
    const en = startupFailureText(folder, folder.message, 'en')
    expect(en).toEqual({ title: 'Could not start', body: 'Start-up failed: /proc/1/x is a system path (/proc, /sys, /dev) and cannot hold the data folder' })
  })

  it('a team database URL the TLS rule refuses: its reason and where to change it, since the window cannot open', () => {
    const refused = new TeamUrlError({ code: 'teamConnection.badSslMode', params: { value: 'sometimes' } })
    const zh = startupFailureText(refused, refused.message, 'zh-CN', '/home/u/data')
    expect(zh.title).toBe('无法启动')
    expect(zh.body).toMatch(/^团队数据库设置无法使用：.*sometimes.*。请修改 \/home\/u\/data\/settings\.json 中的 teamDatabaseUrl（删除该项则仅本机工作），然后重新打开程序。$/)
    const en = startupFailureText(refused, refused.message, 'en', '/home/u/data')
    expect(en.body).toMatch(/^The team database settings cannot be used: .*sometimes.*Change teamDatabaseUrl in \/home\/u\/data\/settings\.json/)
    expect(en.body).not.toMatch(/[\u4e00-\u9fff]/)
  })

  it('says any other failure in our words, with its own account as a detail', () => {
    expect(startupFailureText(new Error('EACCES'), 'EACCES: permission denied', 'zh-CN')).toEqual({ title: '无法启动', body: '启动时出错：EACCES: permission denied' })
    expect(startupFailureText('boom', 'boom', 'en')).toEqual({ title: 'Could not start', body: 'Start-up failed: boom' })
  })
})
