import { beforeEach, describe, expect, it, vi } from 'vitest'
import { hardenWebContents } from '../../../../src/main/security/navigation'
import { isTrustedUrl, rendererLocation } from '../../../../src/main/window/renderer-location'
import { fake, FakeWebContents, preventable } from '../fake-electron'

vi.mock('electron', async () => {
  const { fake } = await import('../fake-electron')
  return { default: fake, ...fake }
})

const prod = rendererLocation({ isPackaged: true, devUrl: undefined })
const silent = { info() {}, warn() {}, error() {} }

function hardened() {
  const wc = new FakeWebContents()
  const opened: string[] = []
  hardenWebContents(wc as never, { isAppUrl: (u) => isTrustedUrl(u, prod), openExternal: (u) => opened.push(u), logger: silent })
  return { wc, opened }
}

beforeEach(() => fake.control.reset())

describe('hardenWebContents', () => {
  it('denies every new window, sending safe https links to the browser', () => {
    const { wc, opened } = hardened()
    expect(wc.windowOpenHandler?.({ url: 'https://www.juhe.cn/' })).toEqual({ action: 'deny' })
    expect(wc.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(wc.windowOpenHandler?.({ url: 'microent://app/index.html' })).toEqual({ action: 'deny' })
    expect(opened).toEqual(['https://www.juhe.cn/'])
  })

  it('blocks navigation away from the app, opening a safe link outside instead', () => {
    const { wc, opened } = hardened()
    const away = preventable({ url: 'https://www.juhe.cn/' })
    wc.emit('will-navigate', away)
    expect(away.defaultPrevented).toBe(true)
    const evil = preventable({ url: 'http://evil.example/' })
    wc.emit('will-navigate', evil)
    expect(evil.defaultPrevented).toBe(true)
    const inside = preventable({ url: 'microent://app/index.html#/settings' })
    wc.emit('will-navigate', inside)
    expect(inside.defaultPrevented).toBe(false)
    expect(opened).toEqual(['https://www.juhe.cn/'])
  })

  it('blocks subframe navigation, foreign redirects and webviews', () => {
    const { wc } = hardened()
    const frame = preventable({ url: 'microent://app/x', isMainFrame: false })
    wc.emit('will-frame-navigate', frame)
    expect(frame.defaultPrevented).toBe(true)
    const redirect = preventable({ url: 'https://evil.example/' })
    wc.emit('will-redirect', redirect)
    expect(redirect.defaultPrevented).toBe(true)
    const webview = preventable()
    wc.emit('will-attach-webview', webview, {}, {})
    expect(webview.defaultPrevented).toBe(true)
  })
})
