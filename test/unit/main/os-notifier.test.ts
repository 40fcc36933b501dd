import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createOsNotifier } from '../../../src/main/adapters/os-notifier'
import type { ClickTarget } from '../../../src/main/notifications/completion-grouping'
import { fake, FakeNotification, preventable } from './fake-electron'

vi.mock('electron', async () => {
  const { fake } = await import('./fake-electron')
  return { default: fake, ...fake }
})

beforeEach(() => fake.control.reset())

describe('os notifier', () => {
  it('shows completions quietly and alerts persistently', () => {
    const n = createOsNotifier({ onClick: () => undefined })
    n.show({ kind: 'completion', title: '查询完成', body: '甲：乙', target: null })
    n.show({ kind: 'alert', title: 'API 密钥被拒绝', body: '…', target: null })
    const [done, alert] = FakeNotification.instances
    expect(done?.options).toMatchObject({ title: '查询完成', body: '甲：乙', silent: true, urgency: 'normal', timeoutType: 'default' })
    expect(alert?.options).toMatchObject({ silent: false, urgency: 'critical', timeoutType: 'never' })
    expect(done?.shown && alert?.shown).toBe(true)
  })

  it('routes a click to the lookup or batch it is about', () => {
    const clicks: ClickTarget[] = []
    const n = createOsNotifier({ onClick: (t) => clicks.push(t) })
    n.show({ kind: 'completion', title: 't', body: 'b', target: { type: 'lookup', id: 'j1' } })
    n.show({ kind: 'completion', title: 't', body: 'b', target: { type: 'batch', batchId: 'b1' } })
    FakeNotification.instances[0]?.emit('click', preventable())
    FakeNotification.instances[1]?.emit('click', preventable())
    expect(clicks).toEqual([
      { type: 'lookup', id: 'j1' },
      { type: 'batch', batchId: 'b1' },
    ])
  })

  it('does nothing where notifications are unsupported', () => {
    FakeNotification.supported = false
    createOsNotifier({ onClick: () => undefined }).show({ kind: 'alert', title: 't', body: 'b', target: null })
    expect(FakeNotification.instances).toEqual([])
  })

  it('closes what it still holds on dispose', () => {
    const n = createOsNotifier({ onClick: () => undefined })
    n.show({ kind: 'alert', title: 't', body: 'b', target: null })
    n.dispose()
    expect(FakeNotification.instances[0]?.closed).toBe(true)
  })

  it('logs a failed notification without throwing', () => {
    const warnings: string[] = []
    const n = createOsNotifier({ onClick: () => undefined, logger: { info() {}, warn: (m) => warnings.push(m), error() {} } })
    n.show({ kind: 'alert', title: 't', body: 'b', target: null })
    FakeNotification.instances[0]?.emit('failed', preventable(), 'toast failed')
    expect(warnings).toEqual(['notification failed'])
  })
})
