// The built main bundle started as the installed launchers start it, `<exe> --cli list --json`, against the fake
// Electron: one command, its output and exit code, nothing of the desktop. A file of its own so that the entry module
// is evaluated once, as in the app: the bundle's chunks import shared code back from index.js, so a second instance
// of the entry (a query string) in a file that already ran it would run it twice, or depend on which ran first.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { expect, it, vi } from 'vitest'
import { fake, FakeBrowserWindow, FakeTray } from './fake-electron'
import { captureProcessOutput } from '../../helpers/process-output'
import { useShellBuild } from '../../helpers/shell-build'

vi.mock('electron', async () => {
  const { fake } = await import('./fake-electron')
  return { default: fake, ...fake }
})

const outDir = useShellBuild('bundle-cli-test')

it('runs one CLI command without a window when started with --cli, writes its answer once and exits with its code', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'microent-bundle-cli-'))
  const argv = process.argv
  const { out, err, restore } = captureProcessOutput()
  try {
    fake.control.reset(dataDir)
    fake.app.isPackaged = true
    process.env.MICROENT_DATA_DIR = dataDir
    process.argv = ['/opt/microent/microent-desk', '--cli', 'list', '--json']
    await import(/* @vite-ignore */ pathToFileURL(join(outDir, 'main', 'index.js')).href)
    await vi.waitFor(() => expect(fake.app.exitCode).toBe(0), { timeout: 10_000 })
  } finally {
    restore()
    process.argv = argv
    delete process.env.MICROENT_DATA_DIR
    rmSync(dataDir, { recursive: true, force: true })
  }
  expect([out.join(''), err.join('')]).toEqual(['[]\n', ''])
  expect(FakeBrowserWindow.instances).toEqual([])
  expect(FakeTray.instances).toEqual([])
  expect(fake.app.calls).not.toContain('requestSingleInstanceLock')
  expect(fake.app.calls).not.toContain('enableSandbox')
}, 30_000)
