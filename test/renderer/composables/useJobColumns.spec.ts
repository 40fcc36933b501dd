import { beforeEach, describe, expect, it } from 'vitest'
import { ref } from 'vue'
import { CHECK_WIDTH, fitColumns, useJobColumns } from '../../../src/renderer/src/composables/useJobColumns'
import { locale } from '../../../src/renderer/src/i18n'
import { en } from '../../../src/renderer/src/i18n/en'
import { zhCN } from '../../../src/renderer/src/i18n/zh-CN'
import { company, row } from '../fake-api'

beforeEach(() => {
  locale.value = 'zh-CN'
})

const T0 = Date.UTC(2025, 0, 1, 0, 0, 0)

describe('useJobColumns', () => {
  it('names the columns in the window language', () => {
    const cols = useJobColumns({ now: ref(T0) })
    expect(cols.columns.value.map((c) => c.title)[0]).toBe(zhCN.list.columns.status)
    locale.value = 'en'
    expect(cols.columns.value.map((c) => c.title)[0]).toBe(en.list.columns.status)
    expect(cols.statusLabel('no_result')).toBe(en.status.no_result)
  })

  it('leaves out whole columns, lowest drop first, until the rest fit the width', () => {
    const width = ref(10_000)
    const cols = useJobColumns({ now: ref(T0), width })
    expect(cols.columns.value).toHaveLength(9)
    const all = cols.minWidth.value
    width.value = all - 1
    expect(cols.columns.value.map((c) => c.key)).not.toContain('completedAt')
    expect(cols.columns.value).toHaveLength(8)
    width.value = 0
    expect(cols.columns.value.map((c) => c.key)).toEqual(['status', 'keyword', 'name'])
    expect(cols.minWidth.value).toBe(CHECK_WIDTH + cols.columns.value.reduce((s, c) => s + c.minWidth, 0))
    expect(fitColumns([], 0)).toEqual([])
  })

  it("fills a finished row's cells, in Beijing time, with the cells of left-out columns gone", () => {
    const width = ref(10_000)
    const cols = useJobColumns({ now: ref(T0), width })
    const done = row({ status: 'done', keyword: '光信', submittedAt: T0, completedAt: T0 + 60_000, result: company() })
    const cells = Object.fromEntries(cols.cells(done).map((c) => [c.key, c.text]))
    expect(cells).toEqual({ keyword: '光信', name: '成都成电光信科技股份有限公司', credit_no: '91510100MA61R6XQ3J', industry: '制造业', submittedAt: '2025-01-01 08:00', completedAt: '2025-01-01 08:01', nextPollAt: '', expiresAt: '' })
    width.value = 0
    expect(cols.cells(done).map((c) => c.key)).toEqual(['keyword', 'name'])
  })

  it('counts down to the next poll and the expiry of a pending row only, and memoises rows on the clock only when pending', () => {
    const now = ref(T0)
    const cols = useJobColumns({ now })
    const polling = row({ status: 'polling', nextPollAt: T0 + 65_000, expiresAt: T0 - 1 })
    const cell = (key: string) => cols.cells(polling).find((c) => c.key === key)?.text
    expect([cell('nextPollAt'), cell('expiresAt')]).toEqual(['1分 5秒', zhCN.list.now])
    const done = row({ status: 'done' })
    expect(cols.rowDeps(polling)).toEqual(['zh-CN', T0, 9])
    expect(cols.rowDeps(done)).toEqual(['zh-CN', 0, 9])
  })

  it('says no record for a lookup without one, and no completion time for an expired one', () => {
    const cols = useJobColumns({ now: ref(T0) })
    const name = (r: ReturnType<typeof row>) => cols.cells(r).find((c) => c.key === 'name')
    expect(name(row({ status: 'no_result' }))).toMatchObject({ text: zhCN.list.noRecord, cls: 'cell-text muted' })
    expect(name(row({ status: 'failed', error: { code: 'X', message: '失败了 / It failed', zh: '失败了', en: 'It failed' } }))).toMatchObject({ text: '失败了', cls: 'cell-text cell-error', title: '失败了' })
    const expired = cols.cells(row({ status: 'expired', completedAt: T0 })).find((c) => c.key === 'completedAt')
    expect(expired?.text).toBe('')
  })
})
