import { describe, expect, it } from 'vitest'
import { localized } from '../../src/renderer/src/lib/bilingual'
import { codeLabel } from '../../src/renderer/src/lib/codes'
import { companyAsText, consistency } from '../../src/renderer/src/lib/company'
import { matchesText, sortJobs, tally } from '../../src/renderer/src/lib/jobs'
import { batchStats } from '../../src/renderer/src/lib/batches'
import { beijing, formatDuration } from '../../src/renderer/src/lib/time'
import { zhCN } from '../../src/renderer/src/i18n/zh-CN'
import { en } from '../../src/renderer/src/i18n/en'
import { toLookupRow } from '../../src/shared/domain/lookup-row'
import { company, job, row } from './fake-api'
import { locale } from '../../src/renderer/src/i18n'
import { msg, render } from '../../src/shared/messages'

describe('Beijing time', () => {
  it('is UTC+8 whatever the computer says', () => {
    expect(beijing(Date.UTC(2025, 0, 31, 16, 30, 5))).toBe('2025-02-01 00:30:05')
    expect(beijing(Date.UTC(2025, 0, 31, 16, 30, 5), false)).toBe('2025-02-01 00:30')
    expect(beijing(null)).toBe('')
  })

  it('formats durations with the two largest units', () => {
    expect(formatDuration(3_723_000, zhCN.time.units)).toBe('1小时 2分')
    expect(formatDuration(65_000, en.time.units)).toBe('1 min 5 s')
    expect(formatDuration(3_600_000, en.time.units)).toBe('1 h')
    expect(formatDuration(-5, en.time.units)).toBe('0 s')
  })
})

describe('the status labels', () => {
  it('are exactly the ones compliance staff know', () => {
    expect(Object.values(zhCN.status)).toEqual(['排队中', '提交中', '查询中', '已完成', '无结果', '失败', '已过期', '结果未知'])
  })
})

describe('list rows', () => {
  it('carry what the list reads and five result fields, not the whole result', () => {
    const j = job({ status: 'done', attempts: 2, polls: 3, forced: true, result: company({ support_content: '长文本' }) })
    const r = toLookupRow(j)
    expect(Object.keys(r.company ?? {}).sort()).toEqual(['credit_no', 'econ_kind', 'l1_domain_name', 'name', 'reg_no'])
    for (const gone of ['result', 'attempts', 'kind', 'polls', 'forced']) expect(r).not.toHaveProperty(gone)
    const { result: _r, attempts: _a, kind: _k, polls: _p, forced: _f, ...listed } = j
    expect({ ...r, company: undefined }).toEqual({ ...listed, company: undefined })
    expect(toLookupRow(job({ result: null })).company).toBeNull()
  })
})

describe('list helpers', () => {
  it('search the keyword, the returned name and codes, and the jobid', () => {
    const j = row({ keyword: 'abc', jobid: 'micro_x1', result: company() })
    expect(matchesText(j, '光信')).toBe(true)
    expect(matchesText(j, '91510100ma61')).toBe(true)
    expect(matchesText(j, 'MICRO_X1')).toBe(true)
    expect(matchesText(j, 'nothing')).toBe(false)
  })

  it('sort Chinese names in pinyin order, also as new names arrive', () => {
    const names = ['张三有限公司', '阿里有限公司', '北京有限公司']
    const jobs = names.map((name) => row({ result: company({ name }) }))
    expect(sortJobs(jobs, 'name', 'ascend').map((j) => j.company?.name)).toEqual(['阿里有限公司', '北京有限公司', '张三有限公司'])
    const more = [...jobs, row({ result: company({ name: '成都有限公司' }) }), ...Array.from({ length: 70 }, (_, i) => row({ result: company({ name: `周${String(i).padStart(2, '0')}公司` }) }))]
    const sorted = sortJobs(more, 'name', 'ascend').map((j) => j.company?.name)
    expect(sorted.slice(0, 3)).toEqual(['阿里有限公司', '北京有限公司', '成都有限公司'])
    expect(sorted.at(-1)).toBe('周69公司')
    expect(sorted.at(-2)).toBe('周68公司')
    expect(sorted.indexOf('张三有限公司')).toBe(sorted.length - 71)
  })

  it('sort empty values last in both directions', () => {
    const a = row({ result: company({ name: '乙有限公司' }) })
    const b = row({ result: null })
    const c = row({ result: company({ name: '甲有限公司' }) })
    expect(sortJobs([a, b, c], 'name', 'ascend').map((j) => j.id)).toEqual([c.id, a.id, b.id])
    expect(sortJobs([a, b, c], 'name', 'descend').map((j) => j.id)).toEqual([a.id, c.id, b.id])
    expect(sortJobs([a, b, c], null, 'descend').map((j) => j.id)).toEqual([c.id, b.id, a.id])
  })
})

describe('consistency checks', () => {
  it('compare a returned credit code with the one asked for', () => {
    expect(consistency(job({ kind: 'credit_code', normalized: '91510100MA61R6XQ3J', result: company() }))).toBe('match')
    expect(consistency(job({ kind: 'credit_code', normalized: '91510100MA61R6XQ4X', result: company() }))).toBe('mismatch')
  })

  it('flag a different name (maybe a former name), ignoring bracket width', () => {
    expect(consistency(job({ normalized: '成都成电光信科技股份有限公司', result: company() }))).toBe('name_match')
    expect(consistency(job({ normalized: '某某（成都）公司', result: company({ name: '某某(成都)公司' }) }))).toBe('name_match')
    expect(consistency(job({ normalized: '成都光信', result: company() }))).toBe('name_differs')
  })

  it('copy as text with labels and the placeholder', () => {
    const text = companyAsText(job({ result: company(), completedAt: Date.UTC(2025, 0, 1, 0, 0, 0) }), '暂无', 'zh')
    expect(text).toContain('统一社会信用代码: 91510100MA61R6XQ3J')
    expect(text).toContain('享受扶持政策的数额: 暂无')
    expect(text).toContain('查询完成时间（北京时间）: 2025-01-01 08:00:00')
  })
})

describe('messages from main', () => {
  it('name an API code by its number', () => {
    expect(codeLabel('JUHE_10001')).toBe('10001')
    expect(codeLabel('NETWORK_RESET')).toBe('NETWORK_RESET')
  })

  it('use each language as main kept it, and split only old records that have the combined text alone', () => {
    const both = { message: 'a / b / c / d', zh: 'a / b', en: 'c / d' }
    locale.value = 'zh-CN'
    expect(localized(both)).toBe('a / b')
    expect(localized({ message: '密钥无效 / The key is invalid', zh: '', en: '' })).toBe('密钥无效')
    locale.value = 'en'
    expect(localized(both)).toBe('c / d')
    expect(localized({ message: '密钥无效 / The key is invalid' })).toBe('The key is invalid')
    // Not one clear separator: shown whole rather than guessed at.
    expect(localized({ message: 'a / b / c' })).toBe('a / b / c')
    locale.value = 'zh-CN'
  })

  it('render a catalogue message in the window language when the record has one', () => {
    const error = { code: 'JUHE_10012', text: msg('api.quotaUsedUp'), message: 'old / ignored' }
    locale.value = 'en'
    expect(localized(error)).toBe(render(error.text, 'en'))
    locale.value = 'zh-CN'
    expect(localized(error)).toBe(render(error.text, 'zh-CN'))
  })
})

describe('batch progress and value counts', () => {
  it('counts each batch from its lookups, newest batch first, with empty batches and loose lookups', () => {
    const rows = [
      row({ batchId: 'a', status: 'done' }),
      row({ batchId: 'a', status: 'polling' }),
      row({ batchId: 'a', status: 'failed' }),
      row({ batchId: 'b', status: 'no_result' }),
      row({ batchId: null, status: 'queued' }),
    ]
    const stats = batchStats(
      [
        { id: 'a', name: '一月', createdAt: 1, size: 3 },
        { id: 'b', name: '二月', createdAt: 2, size: 1 },
        { id: 'c', name: '空', createdAt: 0, size: 0 },
      ],
      rows,
    )
    expect(stats.map((s) => [s.batch.id, s.total, s.final, s.running])).toEqual([
      ['b', 1, 1, false],
      ['a', 3, 2, true],
      ['c', 0, 0, false],
    ])
    expect(stats[1]?.counts).toMatchObject({ done: 1, polling: 1, failed: 1, queued: 0 })
  })

  it('tallies values most frequent first, in pinyin order on ties, leaving out "-" and blanks', () => {
    const rows = ['制造业', '建筑业', '制造业', '-', ' ', '', null, '住宿和餐饮业'].map((v) => row({ status: 'done', result: company({ l1_domain_name: v as string }) }))
    expect(tally(rows, (r) => r.company?.l1_domain_name)).toEqual([
      { label: '制造业', count: 2 },
      { label: '建筑业', count: 1 },
      { label: '住宿和餐饮业', count: 1 },
    ])
  })
})
