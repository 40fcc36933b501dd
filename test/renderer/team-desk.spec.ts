/** Team mode in the window (issue 17): who charged a lookup, in the list, the detail pane and the batch view. */
import { mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ref } from 'vue'
import DetailPane from '../../src/renderer/src/components/DetailPane.vue'
import JobTable from '../../src/renderer/src/components/JobTable.vue'
import { useJobColumns } from '../../src/renderer/src/composables/useJobColumns'
import { locale } from '../../src/renderer/src/i18n'
import { sortJobs } from '../../src/renderer/src/lib/jobs'
import { ROW_OUTCOMES } from '../../src/shared/domain/batch-outcomes'
import type { TeamLink } from '../../src/shared/domain/job'
import type { BatchView as View } from '../../src/shared/ipc/contract'
import { bootedApi, company, install, job, row } from './fake-api'
import { mountApp, mountBatchView, settle } from './mount'

const T0 = Date.UTC(2026, 11, 7, 1, 0, 0)
const link = (desk: string, chargedHere: boolean): TeamLink => ({ lookupId: `L-${desk}`, desk, chargedHere, synced: 'done' })
const done = (team: TeamLink | null) => ({ status: 'done' as const, submittedAt: T0, completedAt: T0 + 60_000, result: company(), team })

beforeEach(() => {
  locale.value = 'zh-CN'
  document.body.innerHTML = ''
})
afterEach(() => {
  document.body.innerHTML = ''
})

describe('the list in team mode', () => {
  it("has a 查询桌面 column only once a lookup is the team's: a colleague's desk by name, this desk's own as 本机", () => {
    const team = ref(false)
    const cols = useJobColumns({ now: ref(T0), team })
    expect(cols.columns.value.map((c) => c.key)).not.toContain('desk')
    expect(cols.cells(row(done(null))).map((c) => c.key)).not.toContain('desk')
    team.value = true
    expect(cols.columns.value.map((c) => c.key).slice(0, 4)).toEqual(['status', 'keyword', 'name', 'desk'])
    expect(cols.columns.value.find((c) => c.key === 'desk')?.title).toBe('查询桌面')
    const desk = (t: TeamLink | null) => cols.cells(row(done(t))).find((c) => c.key === 'desk')
    expect(desk(link('前台-2', false))).toEqual({ key: 'desk', text: '前台-2', cls: 'cell-text', title: '由同事 前台-2 查询并计费，结果共享，本机未再次计费' })
    expect(desk(link('前台-1', true))).toMatchObject({ text: '本机', cls: 'cell-text muted', title: '由本机（前台-1）查询并计费' })
    expect(desk(null)).toMatchObject({ text: '' })
    locale.value = 'en'
    expect(cols.columns.value.find((c) => c.key === 'desk')?.title).toBe('Desk')
    expect(desk(link('前台-1', true))?.text).toBe('This desk')
    expect(desk(link('前台-2', false))?.title).toBe('Charged by colleague 前台-2: the result is shared, no second charge here')
  })

  it('keeps the column while dates and industry give way in a narrow table, before the credit code, and sorts by desk with lookups of no desk last', () => {
    const width = ref(10_000)
    const cols = useJobColumns({ now: ref(T0), width, team: ref(true) })
    width.value = cols.minWidth.value - 400
    const keys = cols.columns.value.map((c) => c.key)
    expect(keys).toContain('desk')
    expect(keys).not.toContain('completedAt')
    expect(keys).not.toContain('submittedAt')
    // The industry goes before it, and it goes before the credit code (beside the detail pane, which names the desk).
    const base = 40 + 92 + 190 + 240
    width.value = base + 104 + 184 + 120 - 1
    expect(cols.columns.value.map((c) => c.key)).toEqual(['status', 'keyword', 'name', 'desk', 'credit_no'])
    width.value = base + 104 + 184 - 1
    expect(cols.columns.value.map((c) => c.key)).toEqual(['status', 'keyword', 'name', 'credit_no'])
    const rows = [row(done(link('乙', false))), row(done(null)), row(done(link('甲', true)))]
    expect(sortJobs(rows, 'desk', 'ascend').map((r) => r.team?.desk ?? null)).toEqual(['甲', '乙', null])
  })

  it('JobTable shows the column and the desks for team rows, and not for a desk alone', async () => {
    const table = (rows: ReturnType<typeof row>[]) =>
      mount(JobTable, { props: { rows, activeId: null, sortKey: null, sortOrder: 'descend', selected: [] }, attachTo: document.body })
    const local = table([row(done(null)), row(done(null))])
    expect(local.find('.jt-th[data-key=desk]').exists()).toBe(false)
    local.unmount()
    const w = table([row(done(link('前台-2', false))), row(done(link('前台-1', true))), row(done(null))])
    expect(w.find('.jt-th[data-key=desk]').text()).toBe('查询桌面')
    const texts = w.findAll('.jt-body .jt-row').map((r) => r.text())
    expect(texts[0]).toContain('前台-2')
    expect(texts[1]).toContain('本机')
    w.unmount()
  })
})

describe('the detail pane in team mode', () => {
  it("says a colleague's lookup was not charged again, in both languages, and names the desk in the provenance", async () => {
    install(bootedApi())
    const w = mountApp(DetailPane, { job: job(done(link('前台-2', false))) })
    expect(w.find('[data-test=asked-by]').text()).toBe('同事 前台-2 已查询此企业，结果共享，未再次计费。')
    expect(w.find('[data-test=prov-desk]').text()).toBe('前台-2')
    expect(w.text()).toContain('同事查询，本机未计费')
    locale.value = 'en'
    await settle()
    expect(w.find('[data-test=asked-by]').text()).toBe('Colleague 前台-2 already asked for this company: the result is shared, no second charge.')
    expect(w.text()).toContain("a colleague's lookup, not charged here")
  })

  it("has no notice for this desk's own charged call, and nothing at all in local mode", () => {
    install(bootedApi())
    const own = mountApp(DetailPane, { job: job(done(link('前台-1', true))) })
    expect(own.find('[data-test=asked-by]').exists()).toBe(false)
    expect(own.find('[data-test=prov-desk]').text()).toBe('前台-1')
    expect(own.text()).toContain('本机查询并计费')
    const local = mountApp(DetailPane, { job: job(done(null)) })
    expect(local.find('[data-test=asked-by]').exists()).toBe(false)
    expect(local.find('[data-test=prov-desk]').exists()).toBe(false)
    expect(local.text()).not.toContain('查询桌面')
  })
})

describe('the batch view in team mode', () => {
  async function mounted(team: TeamLink | null) {
    const rows: View['rows'] = [
      { row: 2, input: '甲', outcome: 'found', detail: null, match: 'exact', nameMismatch: false, alert: false, jobId: 'j1', status: 'done', company: { name: '甲有限公司', creditNo: '-' } },
    ]
    const counts = Object.fromEntries(ROW_OUTCOMES.map((o) => [o, o === 'found' ? 1 : 0])) as View['counts']
    const view: View = { batch: { id: 'b1', name: '名单', createdAt: T0, source: null }, rows, counts, matched: 1, charged: 0, cost: null }
    install(bootedApi([job({ id: 'j1', batchId: 'b1', ...done(team) })], { 'batches:reconcile': () => view, 'lookups:batches': () => [] }))
    return mountBatchView('b1')
  }

  it("has a 查询桌面 column when a row's lookup is the team's, and none in local mode", async () => {
    const w = await mounted(link('前台-2', false))
    expect(w.find('[data-test=batch-rows]').text()).toContain('查询桌面')
    w.unmount()
    const local = await mounted(null)
    expect(local.find('[data-test=batch-rows]').text()).not.toContain('查询桌面')
  })
})
