// `npm run test:electron` where Electron cannot run must say so in one line and never look like a passing run.
import { execFileSync, spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = process.cwd()
const runner = join(root, 'scripts', 'run-electron-tests.mjs')

function run(env: Record<string, string | undefined>) {
  const r = spawnSync(process.execPath, [runner], { cwd: root, env: { ...process.env, MICROENT_REQUIRE_ELECTRON: '', ...env }, encoding: 'utf8', timeout: 30_000 })
  return { code: r.status, out: `${r.stdout}${r.stderr}` }
}

describe('npm run test:electron without Electron', () => {
  it('prints one line saying the suite did not run and why, exits 0, and starts no test runner', () => {
    const { code, out } = run({ MICROENT_ELECTRON_BIN: join(root, 'no-such-electron') })
    expect(code).toBe(0)
    expect(out.trim().split('\n')).toHaveLength(1)
    expect(out).toMatch(/Electron smoke tests NOT RUN: MICROENT_ELECTRON_BIN points to nothing/)
    expect(out).not.toMatch(/passed|✓|Test Files/)
  })

  it('fails instead where CI requires the suite (MICROENT_REQUIRE_ELECTRON=1)', () => {
    const { code, out } = run({ MICROENT_ELECTRON_BIN: join(root, 'no-such-electron'), MICROENT_REQUIRE_ELECTRON: '1' })
    expect(code).toBe(1)
    expect(out).toMatch(/NOT RUN/)
  })

  it('says so where no display exists on Linux, even with a binary', () => {
    if (process.platform !== 'linux') return
    const { code, out } = run({ MICROENT_ELECTRON_BIN: process.execPath, DISPLAY: '', WAYLAND_DISPLAY: '' })
    expect(code).toBe(0)
    expect(out.trim()).toMatch(/^\[microent\] Electron smoke tests NOT RUN: no display/)
  })

  it('is the last step of npm test', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    expect(pkg.scripts['test:electron']).toBe('node scripts/run-electron-tests.mjs')
    expect(pkg.scripts.test?.split('&&').at(-1)?.trim()).toBe('npm run test:electron')
  })

  it('keeps the smoke tests out of the unit run and lists each in the Electron config', () => {
    const files = readdirSync(join(root, 'test', 'electron')).filter((f) => f.endsWith('.ts'))
    expect(files.filter((f) => f.endsWith('.electron.ts')).sort()).toEqual(['cli.electron.ts', 'files.electron.ts', 'key.electron.ts', 'lookup.electron.ts', 'packaged.electron.ts', 'restart.electron.ts', 'window.electron.ts'])
    const listed = execFileSync(process.execPath, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'list', '-c', 'vitest.electron.config.ts', '--filesOnly'], { cwd: root, encoding: 'utf8', timeout: 60_000 })
    expect(listed.trim().split('\n').map((l) => l.trim()).sort()).toEqual(files.filter((f) => f.endsWith('.electron.ts')).map((f) => `test/electron/${f}`).sort())
  })
})
