import { describe, expect, it } from 'vitest'
import { matchesText, sortJobs, tally } from '../../../src/renderer/src/lib/jobs'
import { toLookupRow } from '../../../src/shared/domain/lookup-row'
import { company, job, row } from '../fake-api'

describe('list rows', () => {
  it('carry what the list reads and five result fields, not the whole result', () => {
    const j = job({ status: 'done', attempts: 2, polls: 3, forced: true, result: company({ support_content: '长文本' }) })
    const r = toLookupRow(j)
    expect(Object.keys(r.company ?? {}).sort()).toEqual(['credit_no', 'econ_kind', 'l1_domain_name', 'name', 'reg_no'])
    for (const gone of ['result', 'attempts', 'kind', 'polls', 'forced']) expect(r).not.toHaveProperty(gone)
    const { result: _r, attempts: _a, kind: _k, polls: _p, forced: _f, ...listed } = j
    // team: the desk that charged a team lookup (issue 17), null for a lookup of this desk's alone as this one.
    expect({ ...r, company: undefined }).toEqual({ ...listed, company: undefined, team: null })
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

describe('value counts', () => {
  it('tallies values most frequent first, in pinyin order on ties, leaving out "-" and blanks', () => {
    const rows = ['制造业', '建筑业', '制造业', '-', ' ', '', null, '住宿和餐饮业'].map((v) => row({ status: 'done', result: company({ l1_domain_name: v as string }) }))
    expect(tally(rows, (r) => r.company?.l1_domain_name)).toEqual([
      { label: '制造业', count: 2 },
      { label: '建筑业', count: 1 },
      { label: '住宿和餐饮业', count: 1 },
    ])
  })
})
