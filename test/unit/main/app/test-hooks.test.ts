import { afterEach, describe, expect, it } from 'vitest'
import type { NotificationSpec } from '../../../../src/main/notifications/completion-grouping'
import { createNotificationRecorder, installTestHooks, TEST_HOOKS_GLOBAL, testHooksEnabled, type TestHooks } from '../../../../src/main/app/test-hooks'

const spec = (id: string): NotificationSpec => ({ title: id, body: '', kind: 'completion', target: { type: 'lookup', id } })

describe('testHooksEnabled', () => {
  it('only for an unpackaged run that asks with MICROENT_TEST_HOOKS=1', () => {
    expect(testHooksEnabled(false, { MICROENT_TEST_HOOKS: '1' })).toBe(true)
    expect(testHooksEnabled(true, { MICROENT_TEST_HOOKS: '1' })).toBe(false)
    expect(testHooksEnabled(false, { MICROENT_TEST_HOOKS: 'true' })).toBe(false)
    expect(testHooksEnabled(false, {})).toBe(false)
  })
})

describe('createNotificationRecorder', () => {
  it('lists what was asked for, in order, and clicks through the app handler until the OS shows one', () => {
    const clicked: unknown[] = []
    const r = createNotificationRecorder((target) => clicked.push(target))
    const a = spec('a')
    const b = spec('b')
    r.requested(a)
    r.requested(b)
    expect(r.specs()).toEqual([a, b])
    expect(r.click(0)).toBe(true)
    expect(clicked).toEqual([{ type: 'lookup', id: 'a' }])
    expect(r.click(2)).toBe(false)
  })

  it('clicks through the shown notification itself once the OS took it', () => {
    const clicked: string[] = []
    const r = createNotificationRecorder(() => clicked.push('handler'))
    const a = spec('a')
    r.requested(a)
    r.shown(a, () => clicked.push('os'))
    r.shown(spec('never asked'), () => clicked.push('stray'))
    r.click(0)
    expect(clicked).toEqual(['os'])
  })
})

describe('installTestHooks', () => {
  afterEach(() => delete (globalThis as Record<string, unknown>)[TEST_HOOKS_GLOBAL])

  it('puts the hooks where the smoke tests read them', () => {
    const hooks = { started: () => true } as unknown as TestHooks
    installTestHooks(hooks)
    expect((globalThis as Record<string, unknown>)[TEST_HOOKS_GLOBAL]).toBe(hooks)
  })
})
