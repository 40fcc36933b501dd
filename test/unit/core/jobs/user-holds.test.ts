import { describe, expect, it } from 'vitest'
import { memoryUserHolds, NO_USER_HOLDS, persistQuotaHold } from '../../../../src/core/jobs/user-holds'
import type { EngineState } from '../../../../src/shared/domain/engine'
import { msg } from '../../../../src/shared/messages'

type Hold = NonNullable<EngineState['submitHold']>
const state = (submitHold: Partial<Hold> | null) => ({ submitHold }) as unknown as EngineState

describe('persistQuotaHold', () => {
  it('writes a quota hold down once, with when it began, and removes it when the user resumes', () => {
    const store = memoryUserHolds()
    const writes: unknown[] = []
    const write = store.write
    store.write = (h) => {
      writes.push(h)
      write(h)
    }
    let now = 100
    const follow = persistQuotaHold(store, () => now)
    follow(state({ reason: 'quota', code: 'JUHE_10012' }))
    now = 200
    follow(state({ reason: 'quota', code: 'JUHE_10012' }))
    expect(writes).toHaveLength(1)
    expect(store.read().quota).toMatchObject({ code: 'JUHE_10012', since: 100 })
    follow(state(null))
    expect(store.read()).toEqual(NO_USER_HOLDS)
    expect(writes).toHaveLength(2)
  })

  it("keeps the hold's message, not sentences: a later run says it in its reader's language", () => {
    const store = memoryUserHolds()
    const text = msg('api.quotaUsedUp')
    persistQuotaHold(store, () => 7)(state({ reason: 'quota', code: 'JUHE_10012', text }))
    expect(store.read().quota).toEqual({ code: 'JUHE_10012', text, since: 7 })
  })

  it('ignores holds other than the quota', () => {
    const store = memoryUserHolds()
    const follow = persistQuotaHold(store, () => 1)
    follow(state({ reason: 'budget_day', code: null }))
    expect(store.read()).toEqual(NO_USER_HOLDS)
  })

  it('clears a quota hold kept from an earlier run once the engine no longer has it', () => {
    const store = memoryUserHolds({ quota: { code: 'JUHE_10013', since: 5 } } as never)
    persistQuotaHold(store, () => 1)(state(null))
    expect(store.read()).toEqual(NO_USER_HOLDS)
  })
})
