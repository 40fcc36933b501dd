import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { useChargesStore } from '../../../src/renderer/src/stores/charges'
import { FakeApi, install } from '../fake-api'

beforeEach(() => setActivePinia(createPinia()))

describe('the charges store', () => {
  it('asks main for the audit export, busy until it answers, and hands back where the file went', async () => {
    let answer: (v: unknown) => void = () => {}
    const api = new FakeApi().handle('charges:export', () => new Promise((r) => (answer = r)))
    install(api)
    const charges = useChargesStore()
    const pending = charges.exportRecord({ format: 'csv' } as Parameters<typeof charges.exportRecord>[0])
    await Promise.resolve()
    expect(charges.exporting).toBe(true)
    answer({ path: '/tmp/charges.csv' })
    expect(await pending).toEqual({ ok: true, value: { path: '/tmp/charges.csv' } })
    expect(charges.exporting).toBe(false)
    expect(api.callsTo('charges:export')).toEqual([{ format: 'csv' }])
  })

  it('is not left busy by a failed export', async () => {
    install(new FakeApi())
    const charges = useChargesStore()
    const res = await charges.exportRecord({ format: 'xlsx' } as Parameters<typeof charges.exportRecord>[0])
    expect(res.ok).toBe(false)
    expect(charges.exporting).toBe(false)
  })

  it('asks main to show the written file in its folder', async () => {
    const api = new FakeApi().handle('shell:show-export', () => undefined)
    install(api)
    await useChargesStore().showExport('/tmp/charges.csv')
    expect(api.callsTo('shell:show-export')).toEqual([{ reveal: '/tmp/charges.csv' }])
  })
})
