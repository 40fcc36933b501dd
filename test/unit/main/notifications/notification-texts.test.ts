import { describe, expect, it } from 'vitest'
import { alertText, changesText, completionSummary, expiringText, notificationsFailedText, oneCompletion, uncertainText, type Completion, type FinishedStatus } from '../../../../src/main/notifications/notification-texts'
import { msg } from '../../../../src/shared/messages'

let n = 0
function c(status: FinishedStatus, over: Partial<Completion> = {}): Completion {
  n++
  return { jobId: `j${n}`, keyword: `公司${n}`, status, batchId: null, companyName: status === 'done' ? `某某${n}有限公司` : null, error: null, ...over }
}

describe('texts', () => {
  it("says a lookup's error in the app's language: its message, or the half of an old record's", () => {
    const text = msg('api.invalidKeyword')
    expect(oneCompletion(c('failed', { error: { code: 'JUHE_277702', text } }), 'en').body).toContain('failed: The keyword was rejected as invalid.')
    expect(oneCompletion(c('failed', { error: { code: 'JUHE_277702', text } }), 'zh-CN').body).toContain('查询失败：关键词格式不被接受')
    expect(oneCompletion(c('failed', { error: { code: 'X', message: '密钥错误 / Wrong key' } }), 'zh-CN').body).toMatch(/查询失败：密钥错误$/)
    expect(oneCompletion(c('failed', { error: { code: 'X', message: '密钥错误 / Wrong key' } }), 'en').body).toMatch(/failed: Wrong key$/)
    expect(oneCompletion(c('failed', { error: { code: 'X', message: 'only one' } }), 'en').body).toMatch(/failed: only one$/)
  })

  it('writes alerts that say what happened and what to do', () => {
    expect(alertText('key', 'zh-CN', { text: msg('job.storedText', { zh: '错误的请求KEY', en: 'Wrong key' }) })).toEqual({ title: 'API 密钥被拒绝', body: '错误的请求KEY。查询已暂停，请在设置中检查密钥。' })
    expect(alertText('rate_limit', 'zh-CN', { until: new Date(2026, 0, 1, 14, 5).getTime() }).body).toContain('将于 14:05 自动继续')
    expect(alertText('budget_month', 'zh-CN').body).toContain('本月')
    expect(alertText('disabled', 'en').title).toBe('API discontinued')
    expect(uncertainText(['甲有限公司'], 'zh-CN').body).toContain('甲有限公司')
    expect(uncertainText(['a', 'b'], 'en').body).toMatch(/^2 lookups/)
    expect(expiringText(3, 60, 'zh-CN').body).toBe('3 项查询的结果将在 60 分钟内失效，请保持程序运行并联网。')
  })

  it('speaks one language alone, English counts with their nouns', () => {
    expect(completionSummary([c('done')], 'en', null)).toEqual({ title: 'Lookups finished', body: '1 lookup finished' })
    expect(completionSummary([c('done'), c('no_result'), c('failed')], 'zh-CN', '三月客户')).toEqual({ title: '批次「三月客户」', body: '3 项查询已完成，1 项无结果，1 项失败' })
    expect(completionSummary([c('done'), c('expired')], 'en', 'March')).toEqual({ title: 'Batch "March"', body: '2 lookups finished, 1 expired' })
    expect(oneCompletion(c('done', { keyword: 'Acme', companyName: 'Acme Ltd' }), 'en')).toEqual({ title: 'Lookup finished', body: 'Acme: Acme Ltd' })
    expect(oneCompletion(c('expired', { keyword: '甲' }), 'zh-CN')).toEqual({ title: '查询未成功', body: '甲：已过期，需重新提交' })
    expect(uncertainText(['a'], 'en').title).toBe('Charge uncertain')
    expect(uncertainText(['a', 'b'], 'en').title).toBe('Charges uncertain')
    expect(expiringText(1, 30, 'en').body).toBe('1 lookup expires within 30 minutes; keep the app running and online.')
    expect(alertText('quota', 'en')).toEqual({ title: 'API quota used up', body: 'The account has no calls left. New lookups wait; pending ones go on.' })
    expect(alertText('budget_day', 'en')).toEqual({ title: 'Daily cap reached', body: 'Charged lookups reached your daily cap; new lookups wait.' })
    expect(alertText('damaged_data', 'zh-CN').title).toBe('数据文件已恢复')
    expect(alertText('team_offline', 'zh-CN')).toEqual({ title: '团队数据库无法连接', body: '新的收费查询暂不提交；已提交的查询照常获取结果，连接恢复后自动继续。' })
    // A database that answers but refuses the schema: said as such, with what to do, not 'unreachable'.
    const refused = alertText('team_offline', 'zh-CN', { text: msg('team.schemaRefused', { since: '2026-12-07 09:30', code: '42501' }) })
    expect(refused.title).toBe('团队数据库拒绝建立数据结构')
    expect(refused.body).toMatch(/^团队数据库自 2026-12-07 09:30 起无法使用：它拒绝建立或更新团队数据结构（42501）。/)
    expect(refused.body.length).toBeLessThanOrEqual(120)
    expect(alertText('rate_limit', 'en').body).toBe('The API is limiting requests; lookups resume by themselves shortly.')
  })

  it('clips very long keywords', () => {
    expect(oneCompletion(c('no_result', { keyword: '长'.repeat(300) }), 'zh-CN').body.length).toBeLessThanOrEqual(120)
    expect(completionSummary([c('done')], 'zh-CN', '名'.repeat(200)).title.length).toBeLessThanOrEqual(60)
  })
})

describe('failed notifications', () => {
  it('say what to do in the user language, and on macOS that an unsigned build cannot notify', () => {
    const zh = notificationsFailedText('zh-CN', 'darwin')
    const en = notificationsFailedText('en', 'darwin')
    expect(zh.body).toContain('未签名')
    expect(en.body).toContain('unsigned')
    expect(zh.body).not.toMatch(/[A-Za-z]{6,}/)
    expect(en.body).not.toMatch(/[\u4e00-\u9fff]/)
    expect(notificationsFailedText('en', 'win32').body).toContain('Start menu shortcut')
  })
})

describe('re-lookups whose company changed', () => {
  it('says how many companies changed and which fields, name, capital and type first, in one language', () => {
    const items = [
      c('done', { changed: ['support_content', 'econ_kind'] }),
      c('done', { changed: ['reg_capi'] }),
      c('done', { changed: ['name', 'reg_capi'] }),
      c('done'),
      c('no_result'),
    ]
    expect(changesText(items, 'zh-CN')).toBe('3 家企业信息有变化：企业名称、出资额、企业类型、享受扶持政策内容')
    expect(changesText(items, 'en')).toBe('3 companies changed: Company name, capital contribution, company type, support content')
    expect(changesText([c('done', { changed: ['reg_capi'] })], 'en')).toBe('1 company changed: Capital contribution')
    expect(changesText([c('done'), c('done', { changed: [] })], 'zh-CN')).toBeNull()
  })

  it('names at most four fields, then says there are more', () => {
    const many = c('done', { changed: ['reg_capi', 'econ_kind', 'name', 'start_date', 'belong_org', 'l2_domain_name'] })
    expect(changesText([many], 'zh-CN')).toBe('1 家企业信息有变化：企业名称、出资额、企业类型、成立日期 等')
    expect(changesText([many], 'en')).toMatch(/, founded, …$/)
  })

  it('adds the changes under the summary, and under a single completion', () => {
    const items = [c('done', { changed: ['reg_capi', 'econ_kind'] }), c('done'), c('done', { changed: ['econ_kind'] }), c('done')]
    expect(completionSummary(items, 'zh-CN', null).body).toBe('4 项查询已完成\n2 家企业信息有变化：出资额、企业类型')
    expect(oneCompletion(c('done', { keyword: 'Acme', companyName: 'Acme Ltd', changed: ['name'] }), 'en')).toEqual({
      title: 'Lookup finished',
      body: 'Acme: Acme Ltd\n1 company changed: Company name',
    })
  })
})
