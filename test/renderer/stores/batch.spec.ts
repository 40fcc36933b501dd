import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { useBatchStore } from '../../../src/renderer/src/stores/batch'
import { useLookupsStore } from '../../../src/renderer/src/stores/lookups'
import { useSettingsStore } from '../../../src/renderer/src/stores/settings'
import { ROW_OUTCOMES } from '../../../src/shared/domain/batch-outcomes'
import type { BatchView, BatchViewRow } from '../../../src/shared/ipc/contract'
import { batchViewRow, bootedApi, defaultSettings, install, job, snapshot } from '../fake-api'

beforeEach(() => setActivePinia(createPinia()))

const r = batchViewRow

function view(id: string, rows: BatchViewRow[]): BatchView {
  const counts = Object.fromEntries(ROW_OUTCOMES.map((o) => [o, rows.filter((x) => x.outcome === o).length])) as BatchView['counts']
  return { batch: { id, name: `批次${id}`, createdAt: 1, source: null } as unknown as BatchView['batch'], rows, counts, matched: 0, charged: 0, cost: null }
}

const rows = [
  r(2, 'found', { jobId: 'j1', status: 'done' }),
  r(3, 'failed', { jobId: 'j2', status: 'failed' }),
  r(4, 'duplicate_row', { jobId: 'j2', status: 'failed' }),
  r(5, 'known_before', { jobId: 'j3', status: 'expired' }),
  r(6, 'no_result', { jobId: 'j4', status: 'uncertain' }),
]
const jobs = [job({ id: 'j1', status: 'done' }), job({ id: 'j2', status: 'failed' }), job({ id: 'j3', status: 'expired' }), job({ id: 'j4', status: 'uncertain' })]

function setUp(extra: Parameters<typeof bootedApi>[1] = {}) {
  const api = bootedApi(jobs, { 'batches:reconcile': (a) => view((a as { batchId: string }).batchId, rows), ...extra })
  install(api)
  useLookupsStore().applySnapshot(snapshot(jobs, { batches: [{ id: 'b1', name: '批次b1', createdAt: 1, size: 5 }] }))
  return api
}

describe('the batch store', () => {
  it('opens a batch reconciled by main and filters its rows by outcome', async () => {
    setUp()
    const batch = useBatchStore()
    await batch.open('b1')
    expect([batch.batchId, batch.loading, batch.error, batch.rows.length]).toEqual(['b1', false, null, 5])
    batch.toggleOutcome('failed')
    batch.toggleOutcome('found')
    expect(batch.rows.map((x) => x.row)).toEqual([2, 3])
    batch.toggleOutcome('found')
    expect(batch.rows.map((x) => x.row)).toEqual([3])
    await batch.open('b2')
    expect([batch.outcomes, batch.rows.length]).toEqual([[], 5])
  })

  it("re-runs the batch's own failed, expired and uncertain lookups, each once, not those known before", async () => {
    setUp()
    const batch = useBatchStore()
    await batch.open('b1')
    expect(batch.rerunnable.map((j) => j.id)).toEqual(['j2', 'j4'])
  })

  it('keeps the failure of a reconciliation, and drops the answer for a batch no longer open', async () => {
    let answer: (v: unknown) => void = () => {}
    setUp({ 'batches:reconcile': () => new Promise((res) => (answer = res)) })
    const batch = useBatchStore()
    const opening = batch.open('b1')
    expect(batch.loading).toBe(true)
    batch.close()
    answer(view('b1', rows))
    await opening
    expect([batch.batchId, batch.view]).toEqual([null, null])
    install(bootedApi())
    await batch.open('b1')
    expect(batch.error?.code).toBe('INTERNAL')
  })

  it('renames the batch in the view and the list, and exports in the format chosen in the settings', async () => {
    const api = setUp({ 'batches:rename': (a) => ({ id: 'b1', name: (a as { name: string }).name, createdAt: 1, size: 5 }), 'batches:export': () => ({ path: '/tmp/b1.csv' }), 'settings:get': () => ({ ...defaultSettings, exportFormat: 'csv' }) })
    const batch = useBatchStore()
    await batch.open('b1')
    await batch.rename('二月')
    expect([batch.view?.batch.name, useLookupsStore().batchById.get('b1')?.name]).toEqual(['二月', '二月'])
    await useSettingsStore().load()
    await batch.exportAs()
    await batch.exportAs('xlsx')
    expect(api.callsTo('batches:export')).toEqual([
      { batchId: 'b1', format: 'csv' },
      { batchId: 'b1', format: 'xlsx' },
    ])
  })
})
