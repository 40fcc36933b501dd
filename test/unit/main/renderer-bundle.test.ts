// Builds the desktop app's renderer with electron-vite, as `npm run build` does, and checks what ships: minified
// JavaScript (electron-vite's own default is not to minify the renderer) behind the same strict CSP.
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

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
})
