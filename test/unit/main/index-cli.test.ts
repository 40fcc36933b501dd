// `MicroEnt-Desk --cli …`: the composition root runs one CLI command and exits with its code, before (and instead
// of) anything of the desktop: no window, tray, single-instance lock, sandbox switch or app scheme.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { cliArguments } from '../../../src/main/app/cli-mode'
import { fake, FakeBrowserWindow, FakeTray } from './fake-electron'
import { captureProcessOutput } from '../../helpers/process-output'

vi.mock('electron', async () => {
  const { fake } = await import('./fake-electron')
  return { default: fake, ...fake }
})
const cli = vi.hoisted(() => ({ real: false, code: 0, calls: [] as string[][] }))
vi.mock('../../../src/cli/main', async (orig) => {
  const real = await orig<{ main: (args: string[]) => Promise<number> }>()
  return {
    main: async (args: string[]) => {
      cli.calls.push(args)
      return cli.real ? real.main(args) : cli.code
    },
  }
})

const argv = process.argv
let dataDir = ''

beforeEach(() => {
  vi.resetModules()
  Object.assign(cli, { real: false, code: 0, calls: [] })
  dataDir = mkdtempSync(join(tmpdir(), 'microent-cli-mode-'))
  fake.control.reset(dataDir)
})

afterEach(() => {
  process.argv = argv
  delete process.env.MICROENT_DATA_DIR
  rmSync(dataDir, { recursive: true, force: true })
})

/** Starts the composition root as `<exe> …args` and waits for it to exit. */
async function launch(args: string[]): Promise<number> {
  process.argv = ['/opt/microent/microent-desk', ...args]
  fake.app.isPackaged = true
  await import('../../../src/main/index')
  await vi.waitFor(() => expect(fake.app.exitCode).not.toBeNull(), { timeout: 10_000 })
  return fake.app.exitCode as number
}

function expectNothingOfTheDesktop(): void {
  expect(FakeBrowserWindow.instances).toEqual([])
  expect(FakeTray.instances).toEqual([])
  expect(fake.app.calls).not.toContain('requestSingleInstanceLock')
  expect(fake.app.calls).not.toContain('enableSandbox')
  expect(fake.protocol.privileged).toEqual([])
  expect(fake.app.listenerCount('second-instance')).toBe(0)
  expect(fake.app.listenerCount('web-contents-created')).toBe(0)
}

describe('the app started with --cli', () => {
  it('passes the arguments after --cli to the CLI and exits with its code, without a window, tray or lock', async () => {
    cli.code = 3
    expect(await launch(['--cli', 'list', '--json'])).toBe(3)
    expect(cli.calls).toEqual([['list', '--json']])
    expectNothingOfTheDesktop()
    // Even once Electron is ready nothing of the desktop starts.
    fake.control.resolveReady()
    await new Promise((r) => setTimeout(r, 20))
    expectNothingOfTheDesktop()
  })

  it('runs the real CLI: list --json on the data folder, exit 0; an unknown command exits 2', async () => {
    cli.real = true
    process.env.MICROENT_DATA_DIR = dataDir
    // Both ways the CLI writes: the process streams, and straight to the descriptor (a file or pipe).
    const { out, err, restore } = captureProcessOutput()
    try {
      expect(await launch(['--cli', 'list', '--json'])).toBe(0)
      expect(JSON.parse(out.join(''))).toEqual([])
      vi.resetModules()
      fake.control.reset(dataDir)
      expect(await launch(['--cli', 'no-such-command'])).toBe(2)
      expect(err.join('')).toContain('no-such-command')
    } finally {
      restore()
    }
    expectNothingOfTheDesktop()
  })

  it('an ordinary start is not a CLI run', () => {
    expect(cliArguments(['/opt/microent/microent-desk'])).toBeNull()
    expect(cliArguments(['/usr/bin/electron', '.', '--demo'])).toBeNull()
    expect(cliArguments(['/usr/bin/electron', '.', '--cli', 'show', '--cli'])).toEqual(['show', '--cli'])
    expect(cliArguments(['/opt/microent/microent-desk', '--cli'])).toEqual([])
  })
})
