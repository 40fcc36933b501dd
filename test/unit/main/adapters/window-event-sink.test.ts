import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createWindowEventSink } from '../../../../src/main/adapters/window-event-sink'
import { isTrustedUrl, rendererLocation } from '../../../../src/main/window/renderer-location'
import { fake, FakeWebContents } from '../fake-electron'

vi.mock('electron', async () => {
  const { fake } = await import('../fake-electron')
  return { default: fake, ...fake }
})

const silent = { info() {}, warn() {}, error() {} }
beforeEach(() => fake.control.reset())

describe('window event sink', () => {
  const location = rendererLocation({ isPackaged: true, devUrl: undefined })
  it('sends to the app page, never to a foreign or destroyed one', () => {
    const wc = new FakeWebContents()
    const sink = createWindowEventSink(() => wc as never, (u) => isTrustedUrl(u, location), silent)
    wc.navigateTo('microent://app/index.html')
    sink.send('nav:open-lookup', { id: 'j1' })
    wc.navigateTo('https://evil.example/')
    sink.send('nav:open-lookup', { id: 'j2' })
    wc.navigateTo('microent://app/index.html')
    wc.destroyed = true
    sink.send('nav:open-lookup', { id: 'j3' })
    expect(wc.sent).toEqual([['nav:open-lookup', { id: 'j1' }]])
    expect(() => createWindowEventSink(() => null, () => true, silent).send('lookups:deleted', { ids: [] })).not.toThrow()
  })
})
