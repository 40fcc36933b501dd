import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Plan } from '../../../src/shared/ipc/contract'
import { useLookupsStore } from '../../../src/renderer/src/stores/lookups'
import { inputsFromText, useSubmitStore } from '../../../src/renderer/src/stores/submit'
import { locale } from '../../../src/renderer/src/i18n'
import { FakeApi, install, job } from '../fake-api'
import { settle } from '../mount'

beforeEach(() => {
  setActivePinia(createPinia())
  locale.value = 'zh-CN'
})

describe('submitting', () => {
  const plan = (charged: number): Plan => ({ rows: [], charged, invalid: 0, duplicates: 0, awaitingOptIn: 0 })

  it('keeps line numbers as rows and skips blank lines', () => {
    expect(inputsFromText('甲有限公司\n\n  \r\n乙有限公司\r\n')).toEqual([
      { text: '甲有限公司', row: 1 },
      { text: '乙有限公司', row: 4 },
    ])
  })

  it('drops a plan when the text changes, and never confirms text it was not made for', async () => {
    const api = new FakeApi().handle('lookups:plan', () => plan(1)).handle('lookups:submit', () => ({ plan: plan(1), jobIds: ['j1'], batchId: null, batch: null }))
    install(api)
    const submit = useSubmitStore()
    submit.text = '甲有限公司'
    expect(await submit.preview()).toBe(true)
    expect(submit.plan?.charged).toBe(1)
    submit.text = '乙有限公司'
    await settle()
    expect(submit.plan).toBeNull()
    await submit.preview()
    const res = await submit.confirm()
    expect(res.ok).toBe(true)
    expect(api.callsTo('lookups:submit')).toEqual([{ inputs: [{ text: '乙有限公司', row: 1 }], force: false, source: { kind: 'typed' } }])
    expect(submit.text).toBe('')
  })

  it('a failed submit says how many of its lookups were queued all the same (0: nothing charged)', async () => {
    const failed = { ok: false, error: { code: 'IO', text: { code: 'ipc.internal' } } }
    const api = new FakeApi().handle('lookups:plan', () => plan(2)).handle('lookups:submit', () => failed)
    install(api)
    const submit = useSubmitStore()
    submit.text = '甲有限公司\n乙有限公司'
    await submit.preview()
    expect(await submit.confirm()).toMatchObject({ ok: false, queued: 0 })

    // The first part of a large batch was written before the failure: those lookups arrived as queued.
    api.handle('lookups:submit', () => {
      useLookupsStore().applyUpdates([job({ status: 'queued' })])
      return failed
    })
    await submit.preview()
    expect(await submit.confirm()).toMatchObject({ ok: false, queued: 1 })
  })

  it('ignores a plan that comes back after the text was edited', async () => {
    let answer!: (p: Plan) => void
    const api = new FakeApi().handle('lookups:plan', () => new Promise<Plan>((r) => (answer = r)))
    install(api)
    const submit = useSubmitStore()
    submit.text = '甲有限公司'
    const pending = submit.preview()
    await settle()
    submit.text = '甲有限公司\n乙有限公司'
    await settle()
    answer(plan(1))
    expect(await pending).toBe(false)
    expect(submit.plan).toBeNull()
  })

  it('sends the batch name and the force choice, and learns the new batch from the answer', async () => {
    const batch = { id: 'b9', name: '三月', createdAt: 1, size: 2 }
    const api = new FakeApi().handle('lookups:plan', () => plan(2)).handle('lookups:submit', () => ({ plan: plan(2), jobIds: ['a', 'b'], batchId: 'b9', batch }))
    install(api)
    const submit = useSubmitStore()
    submit.text = '甲\n乙'
    submit.batchName = ' 三月 '
    await submit.preview()
    submit.force = true
    await settle()
    expect(api.callsTo('lookups:plan').at(-1)).toEqual({ inputs: [{ text: '甲', row: 1 }, { text: '乙', row: 2 }], force: true })
    const res = await submit.confirm()
    expect(res.ok && res.value.batchId).toBe('b9')
    expect(api.callsTo('lookups:submit')[0]).toMatchObject({ force: true, batchName: '三月' })
    expect(useLookupsStore().batchById.get('b9')?.name).toBe('三月')
    // The answer carries the batch: no whole snapshot just to learn its name.
    expect(api.callsTo('lookups:snapshot')).toHaveLength(0)
  })

  it('sends imported rows with their spreadsheet row numbers and leaves unreadable cells out', async () => {
    const api = new FakeApi()
      .handle('import:open', () => ({
        token: 't1',
        fileName: '名单.xlsx',
        sheet: 'Sheet1',
        column: { index: 1, header: '企业名称' },
        needsColumnChoice: null,
        rows: [
          { row: 3, text: '甲有限公司', problem: null },
          { row: 4, text: '=1+1', problem: { code: 'FORMULA_LIKE', text: { code: 'import.formulaLike', params: { row: 4 } } } },
        ],
        skippedBlank: 0,
      }))
      .handle('lookups:plan', () => plan(1))
    install(api)
    const submit = useSubmitStore()
    expect(await submit.importFile()).toBeNull()
    expect(api.callsTo('lookups:plan')[0]).toEqual({ inputs: [{ text: '甲有限公司', row: 3 }], force: false })
    expect(submit.summary.invalid).toBe(1)
    expect(submit.rows.map((r) => r.row)).toEqual([4])
  })

  it('treats a cancelled file dialog as nothing', async () => {
    install(new FakeApi().handle('import:open', () => ({ ok: false, error: { code: 'CANCELLED', text: { code: 'ipc.cancelled' } } })))
    expect(await useSubmitStore().importFile()).toBeNull()
  })
})
