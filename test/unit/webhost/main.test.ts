import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'

/** Runs the web host's entry with `args`; only paths that end before anything is built or served. */
function run(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/webhost/main.ts', ...args], { encoding: 'utf8', timeout: 60_000 })
}

describe('web host entry (npm run web)', () => {
  it('prints its usage for --help and exits 0', () => {
    const r = run(['--help'])
    expect(r.status).toBe(0)
    expect(r.stdout.trim()).toBe('usage: npm run web -- [--port N] [--demo] [--rebuild]')
  })

  it.each([['x'], ['70000'], ['-1'], ['1.5']])('refuses --port %s with one line and exit code 1', (port) => {
    const r = run([`--port=${port}`])
    expect(r.status).toBe(1)
    expect(r.stderr.trim()).toBe(`--port: not a port number: ${port}`)
  })

  it('refuses an unknown option', () => {
    const r = run(['--bogus'])
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/--bogus/)
  })
})
