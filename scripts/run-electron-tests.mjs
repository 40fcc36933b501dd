// `npm run test:electron`: the smoke tests in real Electron (test/electron), against the built app in out/.
// Where no Electron binary exists it says so in one line and exits 0 before vitest starts, so no test is reported
// as run, let alone passed.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { findElectronBinary } from './electron-binary.mjs'

const root = join(fileURLToPath(import.meta.url), '..', '..')
// CI sets MICROENT_REQUIRE_ELECTRON=1: there a suite that cannot run is a failure, not a skip.
const notRun = (why) => {
  console.log(`[microent] Electron smoke tests NOT RUN: ${why}.`)
  process.exit(process.env.MICROENT_REQUIRE_ELECTRON === '1' ? 1 : 0)
}
const found = findElectronBinary()
if ('missing' in found) notRun(found.missing)

// A Linux machine without a display (a server, CI without xvfb-run) cannot open the window.
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  notRun('no display (DISPLAY/WAYLAND_DISPLAY unset; run them under `xvfb-run -a npm run test:electron`)')
}

const node = process.execPath
const run = (args, extraEnv = {}) => spawnSync(node, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...extraEnv } }).status ?? 1

// The suite tests what ships: build main, preload and renderer first (MICROENT_ELECTRON_SKIP_BUILD=1 reuses out/).
if (process.env.MICROENT_ELECTRON_SKIP_BUILD !== '1') {
  const built = run([join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--logLevel', 'warn'])
  if (built !== 0) process.exit(built)
}
process.exit(run([join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '-c', 'vitest.electron.config.ts', ...process.argv.slice(2)], { MICROENT_ELECTRON_BIN: found.path }))
