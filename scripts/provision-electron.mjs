// Electron 42+ no longer downloads its binary on install, so the project provisions it.
// Where the download cannot happen (offline, a registry-only network, CI) the install must still succeed:
// we warn once and exit 0; `npm run dev` will then tell the user to run `npx install-electron` with internet.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { downloadFailureReason, engineNote } from './provision-notes.mjs'

const require = createRequire(import.meta.url)

function electronDir() {
  try {
    return dirname(require.resolve('electron/package.json'))
  } catch {
    return null
  }
}

const dir = electronDir()
if (!dir) process.exit(0) // production install without devDependencies: nothing to provision

// Node 20: npm has just printed EBADENGINE warnings for electron and its tooling; say once that they are expected.
const note = engineNote()
if (note) console.warn(note)

if (process.env.MICROENT_SKIP_ELECTRON_DOWNLOAD === '1' || process.env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1') {
  console.log('[microent] Electron binary download skipped (MICROENT_SKIP_ELECTRON_DOWNLOAD/ELECTRON_SKIP_BINARY_DOWNLOAD).')
  process.exit(0)
}

if (existsSync(join(dir, 'path.txt')) && existsSync(join(dir, 'dist'))) process.exit(0)

const installer = join(dir, 'install.js')
if (!existsSync(installer)) process.exit(0)

const timeoutMs = Number(process.env.MICROENT_ELECTRON_DOWNLOAD_TIMEOUT_MS ?? 300_000)
const run = spawnSync(process.execPath, [installer], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], timeout: timeoutMs })
if (run.status === 0) {
  console.log('[microent] Electron binary installed.')
} else {
  // The installer prints an error and its stack: the reason is said in words (network, proxy, checksum...), not a stack frame.
  const why = downloadFailureReason({ stderr: String(run.stderr ?? ''), error: run.error ?? null, timeoutMs, env: process.env }) || `exit ${run.status}`
  console.warn(
    `[microent] WARNING: could not download the Electron binary (${why}). ` +
      'Everything else works (npm test, npm run cli, npm run sim); to run the desktop app, run `npx install-electron` with internet access.',
  )
}
process.exit(0)
