import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..')
/** Separate from electron-vite's out/renderer so a web build never races a desktop build. */
export const WEB_RENDERER_DIR = join(REPO_ROOT, 'out', 'web-renderer')
/** What the build reads: a change to any of these makes it stale (the Vite plugin too). */
const SOURCES = [join(REPO_ROOT, 'src', 'renderer'), join(REPO_ROOT, 'src', 'shared'), join(REPO_ROOT, 'scripts', 'preload-app-entry.ts')]

function newestMtime(dir: string): number {
  if (!statSync(dir).isDirectory()) return statSync(dir).mtimeMs
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs)
  }
  return newest
}

/** True when there is no build, or a renderer/shared source file is newer than it. */
export function rendererBuildIsStale(outDir = WEB_RENDERER_DIR): boolean {
  const index = join(outDir, 'index.html')
  if (!existsSync(index)) return true
  const built = statSync(index).mtimeMs
  return SOURCES.some((dir) => existsSync(dir) && newestMtime(dir) > built)
}

/** A vite build of the renderer alone, configured like electron-vite's renderer section (relative base, Vue). */
export async function buildRenderer(outDir = WEB_RENDERER_DIR): Promise<void> {
  const [{ build }, { default: vue }, { preloadAppEntry }] = await Promise.all([import('vite'), import('@vitejs/plugin-vue'), import('../../scripts/preload-app-entry')])
  await build({
    configFile: false,
    root: join(REPO_ROOT, 'src', 'renderer'),
    base: './',
    logLevel: 'warn',
    plugins: [vue(), preloadAppEntry()],
    // The budget that matters is gzip (initial JS ~220 KB of a 400 KB goal); naive-ui's table alone is most of a
    // 500 KB minified chunk, so vite's default warning would only be noise.
    build: { outDir, emptyOutDir: true, reportCompressedSize: false, chunkSizeWarningLimit: 800 },
  })
}

export async function ensureRendererBuilt(opts: { force?: boolean; outDir?: string; log?: (line: string) => void } = {}): Promise<string> {
  const outDir = opts.outDir ?? WEB_RENDERER_DIR
  if (opts.force || rendererBuildIsStale(outDir)) {
    opts.log?.(`building the renderer into ${outDir} …`)
    await buildRenderer(outDir)
  }
  return outDir
}
