// The app's main and preload as they ship, built by electron-vite (--mode shell: no renderer) into a folder of the
// test's own inside the project, so the bundle resolves its dependencies from node_modules as it will at run time.
import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'

/** Builds before the file's tests and removes the output after them; returns the output folder. */
export function useShellBuild(name: string): string {
  const root = process.cwd()
  const outDir = join(root, '.tmp', `${name}-${process.pid}`)
  beforeAll(() => {
    execFileSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--mode', 'shell', '--outDir', outDir, '--logLevel', 'error'], {
      cwd: root,
      stdio: 'pipe',
      timeout: 90_000,
    })
  }, 120_000)
  afterAll(() => rmSync(outDir, { recursive: true, force: true }))
  return outDir
}
