// Builds the desktop app's renderer with electron-vite, as `npm run build` does, and checks what ships: minified
// JavaScript (electron-vite's own default is not to minify the renderer) behind the same strict CSP.
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RENDERER_CSP } from '../../../src/main/window/csp'
import { chunksNeededAtStart, initialScripts } from '../../helpers/renderer-html'

const root = process.cwd()
const outDir = join(root, '.tmp', `renderer-bundle-test-${process.pid}`)

beforeAll(() => {
  execFileSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--outDir', outDir, '--logLevel', 'error'], {
    cwd: root,
    stdio: 'pipe',
    timeout: 120_000,
  })
}, 150_000)

afterAll(() => rmSync(outDir, { recursive: true, force: true }))

describe('the renderer bundle the desktop app loads', () => {
  it('is minified: its JavaScript is long lines, not formatted source', () => {
    const assets = join(outDir, 'renderer', 'assets')
    const js = readdirSync(assets).filter((f) => f.endsWith('.js'))
    expect(js.length).toBeGreaterThan(1)
    const largest = js.map((f) => join(assets, f)).sort((a, b) => statSync(b).size - statSync(a).size)[0] as string
    const text = readFileSync(largest, 'utf8')
    const lines = text.split('\n').length
    // Unminified, the largest chunk is 734 KB in 22,328 lines (33 characters a line); minified, 396 KB in ~1,600
    // (the line breaks left are inside naive-ui's CSS template strings).
    expect(text.length / lines).toBeGreaterThan(150)
  })

  it('keeps the strict CSP and loads only its own scripts, the early start-up requests included', () => {
    const html = readFileSync(join(outDir, 'renderer', 'index.html'), 'utf8')
    expect(html).toContain("script-src 'self'")
    const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1] as string)
    expect(scripts.length).toBeGreaterThan(0)
    for (const src of scripts) expect(src.startsWith('./assets/')).toBe(true)
    expect(html).not.toMatch(/<script(?![^>]*src=)[^>]*>/)
    const entry = readFileSync(join(outDir, 'renderer', scripts[0] as string), 'utf8')
    expect(entry).toContain('lookups:snapshot')
  })

  it('carries a meta copy of the CSP that agrees with the header on every directive it names', () => {
    const html = readFileSync(join(outDir, 'renderer', 'index.html'), 'utf8')
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    expect(meta).toBeDefined()
    const parse = (policy: string) => new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map((d) => [d[0] as string, d.slice(1).sort().join(' ')]))
    const header = parse(RENDERER_CSP)
    const copy = parse(meta as string)
    // Both policies apply, so the stricter wins either way; the copy says the same, directive for directive, but for
    // frame-ancestors, which a meta CSP may not carry (the header does).
    const differing = [...copy.keys()].filter((d) => copy.get(d) !== header.get(d))
    expect(differing).toEqual([])
    expect([...header.keys()].filter((d) => !copy.has(d))).toEqual(['frame-ancestors'])
    expect(copy.get('script-src')).toBe("'self'")
    expect(copy.has('frame-ancestors')).toBe(false)
  })

  it('runs a small first script that asks for the list before the app is even evaluated, and preloads the app beside it', () => {
    const html = readFileSync(join(outDir, 'renderer', 'index.html'), 'utf8')
    const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1] as string)
    // One module script: two would be bundled into one entry, and none of it would run before all was compiled.
    expect(scripts).toHaveLength(1)
    const entry = readFileSync(join(outDir, 'renderer', scripts[0] as string), 'utf8')
    expect(entry.length).toBeLessThan(20_000)
    const preloaded = [...html.matchAll(/<link rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1] as string)
    const app = preloaded.map((f) => readFileSync(join(outDir, 'renderer', f), 'utf8')).find((text) => text.includes('#app'))
    // The chunk that mounts the app, fetched and compiled while the first script runs; its styles linked up front.
    expect(app).toBeDefined()
    expect(entry).not.toContain('#app')
    const styles = [...html.matchAll(/<link rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1] as string)
    expect(styles.length).toBeGreaterThan(0)
    for (const href of [...preloaded, ...styles]) expect(href.startsWith('./assets/')).toBe(true)
  })

  it('preloads every chunk the app needs to mount, and nothing else', () => {
    const html = readFileSync(join(outDir, 'renderer', 'index.html'), 'utf8')
    const listed = initialScripts(html)
    const needed = chunksNeededAtStart(join(outDir, 'renderer'), listed[0] as string)
    expect(needed.length).toBeGreaterThan(2)
    expect([...listed].sort()).toEqual([...needed].sort())
  })

  it('loads at most 400 KB of gzipped JavaScript at start (the views opened later are chunks of their own)', () => {
    const html = readFileSync(join(outDir, 'renderer', 'index.html'), 'utf8')
    const initial = chunksNeededAtStart(join(outDir, 'renderer'), initialScripts(html)[0] as string)
    const gzip = initial.reduce((sum, f) => sum + gzipSync(readFileSync(join(outDir, 'renderer', f)), { level: 9 }).length, 0)
    expect(gzip).toBeLessThan(400 * 1024)
    const all = readdirSync(join(outDir, 'renderer', 'assets')).filter((f) => f.endsWith('.js'))
    expect(all.length).toBeGreaterThan(initial.length)
  })
})
