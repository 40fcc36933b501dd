import { beforeEach, describe, expect, it } from 'vitest'
import { useListActions } from '../../../src/renderer/src/composables/useListActions'
import { locale } from '../../../src/renderer/src/i18n'
import { zhCN } from '../../../src/renderer/src/i18n/zh-CN'
import { useListStore } from '../../../src/renderer/src/stores/list'
import { useLookupsStore } from '../../../src/renderer/src/stores/lookups'
import type { Job } from '../../../src/shared/domain/job'
import { bootedApi, install, job, snapshot, type FakeApi } from '../fake-api'
import { settle } from '../mount'
import { withSetup } from './setup'

beforeEach(() => {
  locale.value = 'zh-CN'
  document.body.innerHTML = ''
})

const dialog = () => document.querySelector('.n-dialog')?.textContent ?? ''
async function confirm(label: string): Promise<void> {
  const button = [...document.querySelectorAll('.n-dialog button')].find((b) => b.textContent?.includes(label)) as HTMLButtonElement
  button.click()
  await settle()
}

function setUp(jobs: Job[], extra: Parameters<typeof bootedApi>[1] = {}): { api: FakeApi; actions: ReturnType<typeof useListActions> } {
  const api = bootedApi(jobs, {
    'lookups:resubmit': (a) => ({ jobIds: (a as { ids: string[] }).ids }),
    'lookups:delete': (a) => ({ deleted: (a as { ids: string[] }).ids }),
    ...extra,
  })
  install(api)
  const { result } = withSetup(() => useListActions())
  useLookupsStore().applySnapshot(snapshot(jobs))
  return { api, actions: result }
}

describe('useListActions', () => {
  it('retries the failed lookups selected, once per company, after saying what it costs and what it leaves alone', async () => {
    const a = job({ status: 'failed', normalized: '某某（成都）公司' })
    const b = job({ status: 'failed', normalized: '某某(成都)公司' })
    const c = job({ status: 'done' })
    const { api, actions } = setUp([a, b, c])
    useListStore().selected = [a.id, b.id, c.id]
    actions.retryFailed()
    await settle()
    expect(dialog()).toContain(zhCN.confirm.sameCompanyNote(1))
    expect(dialog()).toContain(zhCN.confirm.skippedNote(1))
    expect(api.callsTo('lookups:resubmit')).toEqual([])
    await confirm(zhCN.confirm.chargedButton(1))
    expect(api.callsTo('lookups:resubmit')).toEqual([{ ids: [a.id] }])
    expect(useListStore().selected).toEqual([b.id, c.id])
  })

  it('says when nothing selected applies, and asks nothing', async () => {
    const { api, actions } = setUp([job({ status: 'done' })])
    useListStore().selected = [useLookupsStore().jobs[0]!.id]
    actions.resubmit()
    actions.resubmitLookups([], zhCN.confirm.retryTitle)
    await settle()
    expect(document.querySelector('.n-dialog')).toBeNull()
    expect(document.body.textContent).toContain(zhCN.confirm.nothingApplies)
    expect(api.calls.filter((c) => c.channel === 'lookups:resubmit')).toEqual([])
  })

  it('looks a finished lookup up again as a new one, and opens it', async () => {
    const done = job({ status: 'done', keyword: '光信' })
    const { api, actions } = setUp([done], { 'lookups:submit': () => ({ plan: { rows: [], charged: 1, invalid: 0, duplicates: 0, awaitingOptIn: 0 }, jobIds: ['new'], batchId: null, batch: null }) })
    const opened: string[] = []
    actions.refresh(done, (id) => opened.push(id))
    await settle()
    expect(dialog()).toContain(zhCN.confirm.refreshTitle)
    await confirm(zhCN.confirm.chargedButton(1))
    expect(api.callsTo('lookups:submit')).toEqual([{ inputs: [{ text: '光信' }], force: true }])
    expect(opened).toEqual(['new'])
  })

  it('deletes the selected lookups that are not running, after confirmation', async () => {
    const a = job({ status: 'done' })
    const b = job({ status: 'polling' })
    const { api, actions } = setUp([a, b])
    useListStore().selected = [a.id, b.id]
    actions.deleteSelected()
    await settle()
    expect(dialog()).toContain(zhCN.confirm.deleteSkipped(1))
    await confirm(zhCN.confirm.deleteButton(1))
    expect(api.callsTo('lookups:delete')).toEqual([{ ids: [a.id] }])
    expect(useLookupsStore().jobs.map((j) => j.id)).toEqual([b.id])
    useListStore().selected = [b.id]
    actions.deleteSelected()
    await settle()
    expect(document.body.textContent).toContain(zhCN.confirm.deleteNone)
  })

  it('exports the list and says where the file went, with its folder a click away', async () => {
    const { api, actions } = setUp([job()], {
      'export:save': () => ({ rows: 1, fileName: '查询结果.xlsx', path: '/tmp/查询结果.xlsx', reveal: '/tmp/查询结果.xlsx' }),
      'shell:show-export': () => undefined,
    })
    await actions.exportList()
    await settle()
    expect(document.querySelector('.n-notification')?.textContent).toContain('/tmp/查询结果.xlsx')
    ;(document.querySelector('[data-test=open-export-folder]') as HTMLButtonElement).click()
    await settle()
    expect(api.callsTo('shell:show-export')).toEqual([{ reveal: '/tmp/查询结果.xlsx' }])
  })
})
