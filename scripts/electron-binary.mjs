// Where the Electron binary is, or why there is none. Shared by `npm run test:electron` and the smoke tests.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/** @returns {{ path: string } | { missing: string }} */
export function findElectronBinary(env = process.env) {
  const fromEnv = env.MICROENT_ELECTRON_BIN?.trim()
  if (fromEnv) return existsSync(fromEnv) ? { path: fromEnv } : { missing: `MICROENT_ELECTRON_BIN points to nothing (${fromEnv})` }
  let dir
  try {
    dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  } catch {
    return { missing: 'the electron package is not installed' }
  }
  const pathFile = join(dir, 'path.txt')
  if (!existsSync(pathFile)) return { missing: 'no Electron binary (its download never ran or failed; `npx install-electron` fetches it)' }
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? { path: binary } : { missing: `no Electron binary at ${binary} (\`npx install-electron\` fetches it)` }
}
