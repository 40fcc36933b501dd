import { existsSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ensureRendererBuilt, REPO_ROOT, rendererBuildIsStale, WEB_RENDERER_DIR } from '../../../src/webhost/renderer-build'

/** An output folder whose index.html was written at `at` (seconds since the epoch). */
function built(at: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'microent-web-build-'))
  const index = join(dir, 'index.html')
  writeFileSync(index, '<!doctype html>')
  utimesSync(index, at, at)
  return dir
}

const FUTURE = Date.now() / 1000 + 3600

describe('renderer build', () => {
  it('lives in the repository, apart from the desktop build', () => {
    expect(existsSync(join(REPO_ROOT, 'package.json'))).toBe(true)
    expect(WEB_RENDERER_DIR).toBe(join(REPO_ROOT, 'out', 'web-renderer'))
  })

  it('is stale with no build, or one older than a renderer or shared source', () => {
    expect(rendererBuildIsStale(mkdtempSync(join(tmpdir(), 'microent-web-none-')))).toBe(true)
    expect(rendererBuildIsStale(built(1))).toBe(true)
    expect(rendererBuildIsStale(built(FUTURE))).toBe(false)
  })

  it('builds nothing when the build is current, and says nothing', async () => {
    const dir = built(FUTURE)
    const log: string[] = []
    expect(await ensureRendererBuilt({ outDir: dir, log: (l) => log.push(l) })).toBe(dir)
    expect(log).toEqual([])
  })
})
