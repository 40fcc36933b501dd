import { beforeEach, describe, expect, it, vi } from 'vitest'
import { isSafeExternalUrl } from '../../../src/main/security/external-url'
import { hardenWebContents } from '../../../src/main/security/navigation'
import { denyAllPermissions } from '../../../src/main/security/permissions'
import { blockRemoteRequests, isAllowedRequest } from '../../../src/main/security/request-filter'
import { isTrustedUrl, rendererLocation } from '../../../src/main/window/renderer-location'
import { openExternalChecked } from '../../../src/main/adapters/electron-shell'
import { fake, FakeWebContents, preventable } from './fake-electron'

vi.mock('electron', async () => {
  const { fake } = await import('./fake-electron')
  return { default: fake, ...fake }
})

const prod = rendererLocation({ isPackaged: true, devUrl: undefined })
const dev = rendererLocation({ isPackaged: false, devUrl: 'http://localhost:5173' })
const silent = { info() {}, warn() {}, error() {} }

function hardened() {
  const wc = new FakeWebContents()
  const opened: string[] = []
  hardenWebContents(wc as never, { isAppUrl: (u) => isTrustedUrl(u, prod), openExternal: (u) => opened.push(u), logger: silent })
  return { wc, opened }
}

beforeEach(() => fake.control.reset())

describe('isSafeExternalUrl', () => {
  it.each([
    ['https://www.juhe.cn/docs/api/id/1', true],
    ['https://example.com', true],
    ['http://www.juhe.cn/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['microent://app/index.html', false],
    ['smb://server/share', false],
    ['https://user:pw@example.com/', false],
    ['https://localhost/', false],
    ['https://intranet/', false],
    ['https://printer.local/', false],
    ['https://127.0.0.1/', false],
    ['https://[::1]/', false],
    ['https://10.0.0.8/admin', false],
    ['not a url', false],
    [`https://example.com/${'a'.repeat(3000)}`, false],
  ])('%s -> %s', (url, safe) => {
    expect(isSafeExternalUrl(url)).toBe(safe)
  })
})

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

  it('opens external links only after the check', () => {
    expect(openExternalChecked('https://www.juhe.cn/')).toBe(true)
    expect(openExternalChecked('file:///C:/Windows/System32/calc.exe')).toBe(false)
    expect(fake.shell.external).toEqual(['https://www.juhe.cn/'])
  })
})

describe('denyAllPermissions', () => {
  it('denies every request and check, device access and downloads', () => {
    const s = fake.session.defaultSession
    denyAllPermissions(s as never, silent)
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      let answer: boolean | null = null
      s.permissionRequestHandler?.({}, permission, (ok) => (answer = ok))
      expect(answer).toBe(false)
    }
    expect(s.permissionCheckHandler?.({}, 'media', 'microent://app')).toBe(false)
    expect(s.devicePermissionHandler?.({})).toBe(false)
    const download = preventable()
    s.emit('will-download', download, {}, {})
    expect(download.defaultPrevented).toBe(true)
  })
})

describe('remote requests', () => {
  it.each([
    ['microent://app/assets/x.js', prod, true],
    ['data:image/png;base64,AAAA', prod, true],
    ['blob:microent://app/123', prod, true],
    ['devtools://devtools/bundled/x.js', prod, true],
    ['https://cdn.example.com/x.js', prod, false],
    ['http://localhost:5173/src/main.ts', prod, false],
    ['http://localhost:5173/src/main.ts', dev, true],
    ['ws://localhost:5173/', dev, true],
    ['ws://localhost:9999/', dev, false],
    ['file:///etc/passwd', prod, false],
    ['https://v.juhe.cn/xiaowei/query', prod, false],
  ])('%s is allowed: %s', (url, location, allowed) => {
    expect(isAllowedRequest(url, location.trustedOrigins)).toBe(allowed)
  })

  it('cancels blocked requests in the session', () => {
    const s = fake.session.defaultSession
    blockRemoteRequests(s as never, prod.trustedOrigins, silent)
    const answers: boolean[] = []
    s.beforeRequest?.({ url: 'https://cdn.example.com/x.js' }, (r) => answers.push(r.cancel))
    s.beforeRequest?.({ url: 'microent://app/index.html' }, (r) => answers.push(r.cancel))
    expect(answers).toEqual([true, false])
  })
})
