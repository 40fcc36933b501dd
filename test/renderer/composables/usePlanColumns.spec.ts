import { mount } from '@vue/test-utils'
import type { DataTableBaseColumn } from 'naive-ui'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, effectScope, h, type VNodeChild } from 'vue'
import { usePlanColumns } from '../../../src/renderer/src/composables/usePlanColumns'
import { locale } from '../../../src/renderer/src/i18n'
import { zhCN } from '../../../src/renderer/src/i18n/zh-CN'
import type { PreviewRow } from '../../../src/renderer/src/stores/submit'
import { msg, render } from '../../../src/shared/messages'

let scope = effectScope()
beforeEach(() => {
  locale.value = 'zh-CN'
})
afterEach(() => scope.stop())

const row = (over: Partial<PreviewRow>): PreviewRow => ({
  row: 1,
  input: 'x',
  normalized: 'x',
  kind: 'name',
  valid: true,
  errors: [],
  warnings: [],
  duplicateOf: null,
  charged: true,
  fromFile: false,
  ...over,
})

function setUp() {
  const actions = { suggestion: vi.fn(), optIn: vi.fn(), drop: vi.fn() }
  scope = effectScope()
  const columns = scope.run(() => usePlanColumns(actions))!
  /** The cell of `key` for `r`, mounted. */
  const cell = (key: string, r: PreviewRow) => {
    const col = columns.value.find((c) => (c as DataTableBaseColumn<PreviewRow>).key === key) as DataTableBaseColumn<PreviewRow>
    return mount(defineComponent({ setup: () => () => h('div', [col.render?.(r, 0) as VNodeChild]) }))
  }
  return { actions, columns, cell }
}

describe('usePlanColumns', () => {
  it('has the preview columns in the window language', () => {
    const { columns } = setUp()
    expect(columns.value.map((c) => (c as DataTableBaseColumn<PreviewRow>).title)).toEqual(Object.values(zhCN.submit.columns))
  })

  it("says a row's problems in the window language, and applies a suggested fix or drops the row on request", async () => {
    const { actions, cell } = setUp()
    const issue = { code: 'keyword.creditChecksum', suggestion: '91510100MA61R6XQ3J', text: msg('keyword.creditChecksum', { expected: 'J', suggestion: null }) }
    const w = cell('issues', row({ row: 4, valid: false, errors: [issue] }))
    expect(w.text()).toContain(render(issue.text, 'zh-CN'))
    expect(w.text()).toContain(zhCN.submit.suggest('91510100MA61R6XQ3J'))
    await w.find('[data-test=apply-fix]').trigger('click')
    await w.find('[data-test=drop-row]').trigger('click')
    expect(actions.suggestion).toHaveBeenCalledWith(4, '91510100MA61R6XQ3J')
    expect(actions.drop).toHaveBeenCalledWith(4)
    expect(cell('issues', row({})).text()).toBe(zhCN.submit.valid)
  })

  it('charges a code with a wrong check character only on the user\'s word, and shows the choice', async () => {
    const { actions, cell } = setUp()
    const waiting = row({ row: 2, optIn: 'bad_check', charged: false })
    const w = cell('issues', waiting)
    await w.find('[data-test=opt-in]').trigger('click')
    expect(actions.optIn).toHaveBeenCalledWith(2, true)
    expect(cell('charged', waiting).text()).toBe(zhCN.submit.chargedAwaiting)
    const chosen = row({ row: 2, optIn: 'bad_check', charged: true })
    await cell('issues', chosen).find('[data-test=opt-out]').trigger('click')
    expect(actions.optIn).toHaveBeenCalledWith(2, false)
    expect(cell('charged', chosen).find('b.charged-anyway').exists()).toBe(true)
    expect(cell('charged', row({ charged: false })).text()).toBe(zhCN.submit.chargedNo)
  })

  it('names the row a row repeats, or how long ago the company was looked up', () => {
    vi.useFakeTimers()
    vi.setSystemTime(Date.UTC(2025, 0, 1, 1, 0, 0))
    try {
      const { cell } = setUp()
      expect(cell('dup', row({ duplicateOf: { type: 'row', row: 3 } })).text()).toBe(zhCN.submit.dupRow(3))
      const at = Date.UTC(2025, 0, 1, 0, 0, 0)
      const earlier = cell('dup', row({ charged: false, duplicateOf: { type: 'lookup', jobId: 'j1', status: 'done', at, via: 'credit_no' } }))
      expect(earlier.text()).toContain(zhCN.submit.dupVia('1小时', zhCN.submit.via.credit_no))
      expect(cell('dup', row({ duplicateOf: null })).text()).toBe('')
    } finally {
      vi.useRealTimers()
    }
  })
})
