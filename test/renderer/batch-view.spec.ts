import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { locale } from '../../src/renderer/src/i18n'
import { useSubmitStore } from '../../src/renderer/src/stores/submit'
import { useLookupsStore } from '../../src/renderer/src/stores/lookups'
import { ROW_OUTCOMES } from '../../src/shared/domain/batch-outcomes'
import type { BatchView as View } from '../../src/shared/ipc/contract'
import { msg } from '../../src/shared/messages'
import { batchRowClass } from '../../src/renderer/src/lib/batches'
import { batchViewRow, bootedApi, install, job } from './fake-api'
import { mountBatchView, settle } from './mount'

beforeEach(() => {
  locale.value = 'zh-CN'
  document.body.innerHTML = ''
})

const SHA = '0123456789abcdef'.repeat(4)
const r = batchViewRow

function fixture(): View {
  const rows = [
    r(2, 'found', { match: 'exact', jobId: 'j1', status: 'done', company: { name: '甲科技有限公司', creditNo: '91510100MA61R6XQ3J' } }),
    r(3, 'invalid', { alert: true, detail: msg('batch.detail.lookupGone') }),
    r(4, 'duplicate_row', { detail: msg('batch.detail.duplicateOf', { row: 2 }), match: 'exact', jobId: 'j1', status: 'done' }),
    r(5, 'no_result', { alert: true, jobId: 'j2', status: 'no_result' }),
    r(6, 'failed', { alert: true, jobId: 'j3', status: 'failed' }),
    r(7, 'found', { match: 'other', nameMismatch: true, alert: true, jobId: 'j4', status: 'done', company: { name: '乙贸易有限公司', creditNo: '-' } }),
  ]
  const counts = Object.fromEntries(ROW_OUTCOMES.map((o) => [o, rows.filter((x) => x.outcome === o).length])) as View['counts']
  return {
    batch: { id: 'b1', name: '客户名单.xlsx', createdAt: Date.UTC(2026, 11, 6, 6, 5), source: { kind: 'file', fileName: '客户名单.xlsx', sha256: SHA, sheet: '客户', column: 'B（企业名称）', rows: 6 } },
    rows,
    counts,
    matched: 3,
    charged: 4,
    cost: 2,
  }
}

async function mounted(extra: Parameters<typeof bootedApi>[1] = {}) {
  const api = bootedApi([job({ id: 'j3', status: 'failed', keyword: '丙', normalized: '丙', batchId: 'b1' })], {
    'batches:reconcile': () => fixture(),
    'lookups:batches': () => [],
    ...extra,
  })
  install(api)
  return { api, w: await mountBatchView('b1') }
}

describe('the batch view', () => {
  it('shows the batch, its source file, match rate, charged calls and cost, and a chip per outcome adding up to the rows', async () => {
    const { api, w } = await mounted()
    expect(api.callsTo('batches:reconcile')).toEqual([{ batchId: 'b1' }])
    expect(w.find('[data-test=batch-name]').text()).toBe('客户名单.xlsx')
    const source = w.find('[data-test=batch-source]').text()
    expect(source).toContain('客户名单.xlsx')
    expect(w.find('[data-test=batch-sha] code').text()).toBe('01234567…89abcdef')
    expect(w.find('[data-test=batch-sha] code').attributes('title')).toBe(SHA)
    expect(source).toContain('工作表 客户')
    expect(source).toContain('B（企业名称）')
    expect(source).toContain('输入 6 行')
    expect(w.find('[data-test=batch-match-rate]').text()).toContain('50.0%')
    expect(w.find('[data-test=batch-charged]').text()).toContain('4 次')
    expect(w.find('[data-test=batch-charged]').text()).toContain('¥2.00')
    const chips = w.findAll('[data-test=batch-chips] .chip')
    expect(chips.map((c) => c.attributes('data-outcome'))).toEqual(['all', 'found', 'no_result', 'invalid', 'duplicate_row', 'failed'])
    expect(chips.slice(1).reduce((n, c) => n + Number(c.find('.num').text()), 0)).toBe(6)
    expect(w.find('[data-test=batch-row-count]').text()).toContain('显示 6 行，共 6 行')
  })

  it('marks rows to check red and rows without a result grey (the rows themselves are drawn in Chromium: batch-view.e2e.ts)', () => {
    const rows = fixture().rows
    expect(rows.map(batchRowClass)).toEqual(['', 'bv-alert', '', 'bv-muted', 'bv-alert', 'bv-alert'])
  })

  it('filters by outcome', async () => {
    const { w } = await mounted()
    await w.find('[data-test=batch-chips] .chip[data-outcome=found]').trigger('click')
    await settle()
    expect(w.find('[data-test=batch-row-count]').text()).toContain('显示 2 行，共 6 行')
    await w.find('[data-test=batch-chips] .chip[data-outcome=all]').trigger('click')
    await settle()
    expect(w.find('[data-test=batch-row-count]').text()).toContain('显示 6 行，共 6 行')
  })

  it('renames inline, and says why a name is refused', async () => {
    const { api, w } = await mounted({
      'batches:rename': (args) => {
        const { name } = args as { name: string }
        if (!name.trim()) return { ok: false, error: { code: 'VALIDATION', text: msg('batch.nameEmpty') } }
        return { id: 'b1', name: name.trim(), createdAt: 0, size: 4 }
      },
    })
    await w.find('[data-test=batch-rename]').trigger('click')
    await settle()
    const input = w.find('[data-test=batch-name-input] input')
    await input.setValue(' 三月新客户 ')
    await w.find('[data-test=batch-name-save]').trigger('click')
    await settle()
    expect(api.callsTo('batches:rename')).toEqual([{ batchId: 'b1', name: ' 三月新客户 ' }])
    expect(w.find('[data-test=batch-name]').text()).toBe('三月新客户')
    expect(useLookupsStore().batchById.get('b1')?.name).toBe('三月新客户')
    await w.find('[data-test=batch-rename]').trigger('click')
    await settle()
    await w.find('[data-test=batch-name-input] input').setValue('  ')
    await w.find('[data-test=batch-name-save]').trigger('click')
    await settle()
    expect(document.body.textContent).toContain('批次名称不能为空')
    expect(w.find('[data-test=batch-name-input]').exists()).toBe(true)
  })

  it('exports as xlsx or CSV and offers the re-run of failed rows with the cost confirmation', async () => {
    const { api, w } = await mounted({ 'batches:export': () => ({ fileName: 'x.xlsx', rows: 6, path: '/tmp/x.xlsx' }) })
    await w.find('[data-test=batch-export]').trigger('click')
    await w.find('[data-test=batch-export-csv]').trigger('click')
    await settle()
    expect(api.callsTo('batches:export')).toEqual([
      { batchId: 'b1', format: 'xlsx' },
      { batchId: 'b1', format: 'csv' },
    ])
    expect(document.body.textContent).toContain('已导出核对结果 6 行：x.xlsx')
    const rerun = w.find('[data-test=batch-rerun]')
    expect(rerun.text()).toBe('重新查询未完成的行（1）')
    await rerun.trigger('click')
    await settle()
    expect(document.querySelector('.n-dialog')?.textContent).toContain('将发送 1 次收费查询')
  })

  it('speaks English when the window does', async () => {
    const { w } = await mounted()
    locale.value = 'en'
    await settle()
    expect(w.find('[data-test=batch-match-rate]').text()).toContain('3 of 6 rows with a company found')
    expect(w.find('[data-test=batch-chips] .chip[data-outcome=duplicate_row]').text()).toContain('Duplicate row')
  })
})

describe('a submission names its source', () => {
  it('an imported file by its token, typed input as typed', async () => {
    const api = bootedApi([], { 'lookups:submit': () => ({ plan: { rows: [], charged: 0 }, jobIds: [], batchId: null, batch: null }), 'lookups:plan': () => ({ rows: [], charged: 1, invalid: 0, duplicates: 0, awaitingOptIn: 0 }) })
    install(api)
    setActivePinia(createPinia())
    const submit = useSubmitStore()
    submit.text = '甲\n乙'
    await submit.preview()
    await submit.confirm()
    submit.imported = { token: 'tok-1', fileName: 'a.xlsx', sheet: 'S', sheets: ['S'], headerRow: 1, column: { index: 0, header: 'A' }, needsColumnChoice: null, rows: [{ row: 2, text: '甲', problem: null }], skippedBlank: 0, emptyKeywordRows: [] }
    await submit.preview()
    await submit.confirm()
    expect(api.callsTo('lookups:submit').map((c) => (c as { source: unknown }).source)).toEqual([{ kind: 'typed' }, { kind: 'file', token: 'tok-1' }])
  })
})
