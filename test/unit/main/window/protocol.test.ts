import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { RENDERER_CSP } from '../../../../src/main/window/csp'
import { createBundleHandler, registerAppScheme, resolveBundlePath, serveBundle } from '../../../../src/main/window/protocol'
import { APP_ORIGIN } from '../../../../src/main/window/renderer-location'
import { fake } from '../fake-electron'

vi.mock('electron', async () => {
  const { fake } = await import('../fake-electron')
  return { default: fake, ...fake }
})

function bundle() {
  const root = mkdtempSync(join(tmpdir(), 'microent-bundle-'))
  mkdirSync(join(root, 'assets'))
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>')
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)')
  writeFileSync(join(root, 'assets', 'font.woff2'), Buffer.from([1, 2, 3]))
  writeFileSync(join(root, '..', 'secret.txt'), 'outside')
  return root
}

beforeEach(() => fake.control.reset())

describe('app protocol', () => {
  it('registers a standard, secure scheme without CSP bypass', () => {
    registerAppScheme()
    expect(fake.protocol.privileged).toEqual([{ scheme: 'microent', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }])
  })

  it('serves the bundle with its type, the CSP and nosniff', async () => {
    const root = bundle()
    serveBundle(root)
    const handler = fake.protocol.handlers.get('microent')!
    const res = await handler(new Request(`${APP_ORIGIN}/index.html`))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(res.headers.get('content-security-policy')).toBe(RENDERER_CSP)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await res.text()).toContain('<title>x</title>')
    const js = await handler(new Request(`${APP_ORIGIN}/assets/index-abc.js`))
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    const font = await handler(new Request(`${APP_ORIGIN}/assets/font.woff2`))
    expect(font.headers.get('content-type')).toBe('font/woff2')
    expect(new Uint8Array(await font.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]))
  })

  it('serves index.html for the root and for client-side routes, 404 for missing files', async () => {
    const handler = createBundleHandler(bundle())
    expect((await handler(new Request(`${APP_ORIGIN}/`))).status).toBe(200)
    const route = await handler(new Request(`${APP_ORIGIN}/lookups/123`))
    expect(await route.text()).toContain('<title>x</title>')
    expect((await handler(new Request(`${APP_ORIGIN}/assets/missing.js`))).status).toBe(404)
  })

  it('refuses methods other than GET and HEAD', async () => {
    const handler = createBundleHandler(bundle())
    expect((await handler(new Request(`${APP_ORIGIN}/index.html`, { method: 'POST', body: 'x' }))).status).toBe(405)
    const head = await handler(new Request(`${APP_ORIGIN}/index.html`, { method: 'HEAD' }))
    expect(head.status).toBe(200)
  })

  it.each([
    `${APP_ORIGIN}/../secret.txt`,
    `${APP_ORIGIN}/%2e%2e/secret.txt`,
    `${APP_ORIGIN}/assets/%2e%2e%2f%2e%2e%2fsecret.txt`,
    `${APP_ORIGIN}/..%5csecret.txt`,
    `${APP_ORIGIN}/index.html%00.js`,
    `${APP_ORIGIN}/%E0%A4%A`,
    'microent://other/index.html',
    'https://app/index.html',
  ])('never serves %s from outside the bundle', async (url) => {
    const root = bundle()
    const resolved = resolveBundlePath(root, url)
    expect(resolved === null || resolved.startsWith(root)).toBe(true)
    const res = await createBundleHandler(root)(new Request(url))
    expect(await res.text()).not.toBe('outside')
  })
})
