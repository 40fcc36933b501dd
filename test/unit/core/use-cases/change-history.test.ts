import { mkdtempSync } from 'node:fs'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { changedSinceLast, changeRows, companyIdentity, diffCompany, historyOf, relatedIndex } from '../../../../src/core/use-cases/change-history'
import { exportSelection } from '../../../../src/core/use-cases/export-selection'
import type { Job } from '../../../../src/shared/domain/job'
import { makeCompany, makeJob } from '../../../helpers/jobs'
import { readWithOpenpyxl } from '../../../helpers/xlsx/openpyxl'

const day = (d: number) => Date.parse(`2026-11-${String(d).padStart(2, '0')}T02:00:00Z`)
const v1 = makeCompany({ name: '成都旧名科技有限公司', reg_capi: '500万人民币', econ_kind: '有限责任公司', l2_domain_name: '软件开发' })
const v2 = { ...v1, name: '成都新名科技有限公司', reg_capi: '1000万人民币', support_content: '研发补贴' }
const found = (id: string, result: typeof v1, d: number, over: Partial<Job> = {}) =>
  makeJob({ id, status: 'done', result, completedAt: day(d), createdAt: day(d) - 1000, jobid: `micro_${id}`, ...over })

describe('a company looked up again', () => {
  const old = found('old', v1, 1)
  const fresh = found('new', v2, 20, { keyword: v2.name, normalized: v2.name })
  const other = found('other', makeCompany({ name: '另一家有限公司', credit_no: '91510105MA61Y8AB1L' }), 5)
  const demo = found('demo', { ...v1, reg_capi: '9亿' }, 10, { source: 'demo' })
  const all = [old, fresh, other, demo]

  it('lists what changed field by field, name, capital and type first; blanks and "-" are the same', () => {
    expect(diffCompany(v1, v2)).toEqual([
      { field: 'name', before: '成都旧名科技有限公司', after: '成都新名科技有限公司' },
      { field: 'reg_capi', before: '500万人民币', after: '1000万人民币' },
      { field: 'support_content', before: '-', after: '研发补贴' },
    ])
    expect(diffCompany(v1, { ...v1, support_basis: ' ', name: ` ${v1.name} ` })).toEqual([])
  })

  it('gathers versions by credit code (a new name is the same company), from the same source only', () => {
    expect(companyIdentity(v2)).toBe(v1.credit_no)
    const h = historyOf(fresh, all)
    expect(h.versions.map((v) => v.lookupId)).toEqual(['new', 'old'])
    expect(h.previous?.lookupId).toBe('old')
    expect(h.changes.map((c) => c.field)).toEqual(['name', 'reg_capi', 'support_content'])
    // The earlier version has nothing before it; the demo result is another source.
    expect(historyOf(old, all).changes).toEqual([])
    expect(historyOf(demo, all).versions.map((v) => v.lookupId)).toEqual(['demo'])
    expect(changedSinceLast(fresh, all)).toBe(true)
    expect(changedSinceLast(old, all)).toBe(false)
    expect(changedSinceLast(other, all)).toBe(false)
  })

  it('makes one 变更 row per changed field, once per company, and writes them on the export read back by openpyxl', async () => {
    const rows = changeRows([fresh, old, other], relatedIndex(all))
    expect(rows.map((r) => [r.name, r.change.field, r.change.before, r.change.after])).toEqual([
      ['成都新名科技有限公司', 'name', '成都旧名科技有限公司', '成都新名科技有限公司'],
      ['成都新名科技有限公司', 'reg_capi', '500万人民币', '1000万人民币'],
      ['成都新名科技有限公司', 'support_content', '-', '研发补贴'],
    ])

    const path = join(mkdtempSync(join(tmpdir(), 'microent-changes-')), 'out.xlsx')
    // Only the new lookup is exported: its earlier version is found among all lookups all the same.
    await exportSelection({ lookups: all, batches: [] }, { ids: ['new'] }, path, { appVersion: '1.0.0', now: day(21), includeChanges: true })
    const sheets = readWithOpenpyxl(path)
    expect(sheets.map((s) => s.name)).toEqual(['查询结果', '未完成', '变更', '说明'])
    const changes = sheets[2]!
    expect(changes.rows[0]).toEqual(['企业名称', '统一社会信用代码/注册号', '字段', '变更前', '变更后', '变更前查询时间', '变更后查询时间'])
    expect(changes.rows.slice(1).map((r) => r.slice(2, 5))).toEqual([
      ['企业名称', '成都旧名科技有限公司', '成都新名科技有限公司'],
      ['出资额', '500万人民币', '1000万人民币'],
      ['享受扶持政策内容', '-', '研发补贴'],
    ])
    expect(changes.rows[1]?.slice(5)).toEqual(['2026-11-01T10:00:00', '2026-11-20T10:00:00'])
    expect(sheets[3]!.rows.some((r) => r[0] === '工作表「变更」')).toBe(true)
    // Who exported, and when in UTC, as every evidence file says.
    expect(sheets[3]!.rows.find((r) => r[0] === '导出人（操作系统用户）')?.[1]).toBe(userInfo().username)
    expect(sheets[3]!.rows.find((r) => r[0] === '导出时间（UTC）')?.[1]).toBe(new Date(day(21)).toISOString())

    const plain = join(mkdtempSync(join(tmpdir(), 'microent-changes-')), 'plain.xlsx')
    await exportSelection({ lookups: all, batches: [] }, { ids: ['new'] }, plain, { appVersion: '1.0.0', now: day(21) })
    expect(readWithOpenpyxl(plain).map((s) => s.name)).toEqual(['查询结果', '未完成', '说明'])
  })
})
