import { mkdtempSync, writeFileSync } from 'node:fs'
import type { ServerResponse } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { RENDERER_CSP } from '../../../src/main/window/csp'
import { baseHeaders, injectApiScript, safePath, sendFile, sendText } from '../../../src/webhost/static'

/** What a handler wrote: the status, the headers and the body. */
function response() {
  const out = { status: 0, headers: {} as Record<string, string>, body: '' }
  const res = {
    writeHead(status: number, headers: Record<string, string>) {
      out.status = status
      out.headers = headers
    },
    end(body?: string | Buffer) {
      out.body = body === undefined ? '' : String(body)
    },
  }
  return { res: res as unknown as ServerResponse, out }
}

describe('baseHeaders', () => {
  it("sends the desktop app's CSP and forbids sniffing, framing, referrers and caching", () => {
    expect(baseHeaders('text/html')).toEqual({
      'Content-Type': 'text/html',
      'Content-Security-Policy': RENDERER_CSP,
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    })
  })
})

describe('safePath', () => {
  const root = join(tmpdir(), 'renderer')
  it.each([
    ['/assets/app.js', join(root, 'assets', 'app.js')],
    ['/a/../b.css', join(root, 'b.css')],
    ['/%E5%9B%BE.png', join(root, '图.png')],
    ['/', join(root, '/')],
  ])('resolves %s inside the root', (url, path) => {
    expect(safePath(root, url)).toBe(path)
  })

  it.each([['/../secret.txt'], ['/%2e%2e/secret.txt'], ['/assets/%2e%2e/%2e%2e/x'], ['/a%00.js'], ['/%E0%A4%A']])('refuses %s', (url) => {
    expect(safePath(root, url)).toBeNull()
  })

  it('refuses a sibling folder whose name starts like the root', () => {
    expect(safePath(root, '/../renderer-other/x.js')).toBeNull()
  })
})

describe('injectApiScript', () => {
  const tag = '<script src="./__host/api.js"></script>'
  it("puts the host's script before the renderer's first script, after the CSP meta", () => {
    const html = '<head><meta http-equiv="Content-Security-Policy" content="x"><script type="module" src="./a.js"></script></head>'
    const out = injectApiScript(html)
    expect(out.indexOf(tag)).toBeGreaterThan(out.indexOf('<meta'))
    expect(out.indexOf(tag)).toBeLessThan(out.indexOf('./a.js'))
    expect(out.split(tag)).toHaveLength(2)
  })

  it('falls back to the end of the head, or the start of the page', () => {
    expect(injectApiScript('<head><title>x</title></head><body></body>')).toMatch(new RegExp(`<title>x</title>${tag.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\s*</head>`))
    expect(injectApiScript('<p>bare</p>').startsWith(tag)).toBe(true)
  })
})

describe('sendText and sendFile', () => {
  it('sends text with the base headers', () => {
    const { res, out } = response()
    sendText(res, 403, 'Forbidden')
    expect(out).toEqual({ status: 403, headers: baseHeaders('text/plain; charset=utf-8'), body: 'Forbidden' })
  })

  it('sends a file with the type of its extension, octet-stream when unknown, 404 when missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-static-'))
    writeFileSync(join(dir, 'app.JS'), 'console.log(1)')
    writeFileSync(join(dir, 'blob.xyz'), 'raw')
    const js = response()
    await sendFile(js.res, join(dir, 'app.JS'))
    expect(js.out.status).toBe(200)
    expect(js.out.headers['Content-Type']).toMatch(/javascript/)
    expect(js.out.body).toBe('console.log(1)')
    const other = response()
    await sendFile(other.res, join(dir, 'blob.xyz'))
    expect(other.out.headers['Content-Type']).toBe('application/octet-stream')
    const missing = response()
    await sendFile(missing.res, join(dir, 'nope.js'))
    expect(missing.out).toMatchObject({ status: 404, body: 'Not Found' })
  })
})
