import { describe, expect, it } from 'vitest'
import { lookupCommands } from '../../../src/renderer/src/stores/lookup-commands'
import type { BatchSummary } from '../../../src/shared/domain/lookup-row'
import { FakeApi, install } from '../fake-api'

function setUp(api: FakeApi) {
  install(api)
  const added: BatchSummary[] = []
  const deleted: string[][] = []
  return { added, deleted, commands: lookupCommands({ addBatch: (b) => added.push(b), applyDeleted: (ids) => deleted.push(ids) }) }
}

describe('the lookup commands', () => {
  it('asks main for a plan with the force choice', async () => {
    const plan = { rows: [], charged: 1, invalid: 0, duplicates: 0, awaitingOptIn: 0 }
    const api = new FakeApi().handle('lookups:plan', () => plan)
    const { commands } = setUp(api)
    expect(await commands.plan([{ text: '甲有限公司', row: 1 }], true)).toEqual({ ok: true, value: plan })
    expect(api.callsTo('lookups:plan')).toEqual([{ inputs: [{ text: '甲有限公司', row: 1 }], force: true }])
  })

  it('submits with a batch name and source only when given, and adds the batch main made', async () => {
    const batch: BatchSummary = { id: 'b1', name: '一月', createdAt: 1, size: 1 }
    const api = new FakeApi().handle('lookups:submit', (args) => {
      const named = Boolean((args as { batchName?: string }).batchName)
      return { plan: { rows: [], charged: 1, invalid: 0, duplicates: 0, awaitingOptIn: 0 }, jobIds: ['j1'], batchId: named ? 'b1' : null, batch: named ? batch : null }
    })
    const { commands, added } = setUp(api)
    await commands.submit([{ text: '甲', row: 1 }], false)
    await commands.submit([{ text: '乙', row: 2 }], false, '一月', { kind: 'typed' })
    expect(api.callsTo('lookups:submit')).toEqual([
      { inputs: [{ text: '甲', row: 1 }], force: false },
      { inputs: [{ text: '乙', row: 2 }], force: false, batchName: '一月', source: { kind: 'typed' } },
    ])
    expect(added).toEqual([batch])
  })

  it('resubmits by id, and drops from the list only what main says it deleted', async () => {
    const api = new FakeApi().handle('lookups:resubmit', () => ({ jobIds: ['j1'] })).handle('lookups:delete', () => ({ deleted: ['j1'] }))
    const { commands, deleted } = setUp(api)
    await commands.resubmit(['j1', 'j2'])
    expect(api.callsTo('lookups:resubmit')).toEqual([{ ids: ['j1', 'j2'] }])
    await commands.remove(['j1', 'j2'])
    expect(deleted).toEqual([['j1']])
    install(new FakeApi())
    expect((await commands.remove(['j3'])).ok).toBe(false)
    expect(deleted).toEqual([['j1']])
  })
})
