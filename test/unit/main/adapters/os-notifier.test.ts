import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createOsNotifier } from '../../../../src/main/adapters/os-notifier'
import type { ClickTarget } from '../../../../src/main/notifications/completion-grouping'
import { fake, FakeNotification, preventable } from '../fake-electron'

vi.mock('electron', async () => {
  const { fake } = await import('../fake-electron')
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

  it('closes what it still holds on dispose (Linux, macOS)', () => {
    for (const platform of ['linux', 'darwin'] as const) {
      FakeNotification.instances = []
      const n = createOsNotifier({ platform, onClick: () => undefined })
      n.show({ kind: 'alert', title: 't', body: 'b', target: null })
      n.dispose()
      expect(FakeNotification.instances[0]?.closed).toBe(true)
    }
  })

  it('logs a failed notification and tells the app, so the user can be told', () => {
    const warnings: string[] = []
    const failures: string[] = []
    const n = createOsNotifier({ onClick: () => undefined, onFailed: (e) => failures.push(e), logger: { info() {}, warn: (m) => warnings.push(m), error() {} } })
    n.show({ kind: 'alert', title: 't', body: 'b', target: null })
    FakeNotification.instances[0]?.emit('failed', preventable(), 'toast failed')
    expect(warnings).toEqual(['notification failed'])
    expect(failures).toEqual(['toast failed'])
  })
})

describe('os notifier on Windows (Action Center)', () => {
  const target = { type: 'lookup', id: 'j7' } as const
  const tagOf = (i: number) => String(FakeNotification.instances[i]?.options.id)

  it('tags every toast, so an activation can name it', () => {
    const n = createOsNotifier({ platform: 'win32', onClick: () => undefined })
    n.show({ kind: 'completion', title: 't', body: 'b', target })
    n.show({ kind: 'completion', title: 't', body: 'b', target })
    expect(tagOf(0)).toMatch(/^mx-/)
    expect(tagOf(0)).not.toBe(tagOf(1))
    expect(tagOf(0).length).toBeLessThanOrEqual(64)
  })

  it('keeps a toast that timed out into Action Center: a later click still opens its lookup', () => {
    const clicks: ClickTarget[] = []
    const n = createOsNotifier({ platform: 'win32', onClick: (t) => clicks.push(t) })
    n.show({ kind: 'completion', title: 't', body: 'b', target })
    FakeNotification.instances[0]?.emit('close', preventable({ reason: 'timedOut' }))
    n.activate(`type=click&tag=${tagOf(0)}`)
    expect(clicks).toEqual([target])
  })

  it('routes one click once, whether the instance event or the activator reports it first', () => {
    const clicks: ClickTarget[] = []
    const n = createOsNotifier({ platform: 'win32', onClick: (t) => clicks.push(t) })
    n.show({ kind: 'completion', title: 't', body: 'b', target })
    FakeNotification.instances[0]?.emit('click', preventable())
    n.activate(`type=click&tag=${tagOf(0)}`)
    expect(clicks).toEqual([target])
  })

  it('brings the window back for a toast from an earlier run', () => {
    const clicks: ClickTarget[] = []
    createOsNotifier({ platform: 'win32', onClick: (t) => clicks.push(t) }).activate('type=click&tag=mx-old-3')
    expect(clicks).toEqual([null])
  })

  it('leaves its toasts in Action Center when the app quits: a click there starts the app, which opens its window', () => {
    const n = createOsNotifier({ platform: 'win32', onClick: () => undefined })
    n.show({ kind: 'completion', title: 't', body: 'b', target })
    FakeNotification.instances[0]?.emit('close', preventable({ reason: 'timedOut' }))
    n.dispose()
    expect(FakeNotification.instances[0]?.closed).toBe(false)
    // The next run knows nothing of it, and still answers its click.
    const clicks: ClickTarget[] = []
    createOsNotifier({ platform: 'win32', onClick: (t) => clicks.push(t) }).activate(`type=click&tag=${tagOf(0)}`)
    expect(clicks).toEqual([null])
  })

  it('forgets a toast the user dismissed', () => {
    const clicks: ClickTarget[] = []
    const n = createOsNotifier({ platform: 'win32', onClick: (t) => clicks.push(t) })
    n.show({ kind: 'completion', title: 't', body: 'b', target })
    FakeNotification.instances[0]?.emit('close', preventable({ reason: 'userCanceled' }))
    n.activate(`type=click&tag=${tagOf(0)}`)
    expect(clicks).toEqual([null])
  })
})
