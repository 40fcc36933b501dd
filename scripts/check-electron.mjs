// Before `npm run dev` / `npm run demo`: say plainly what to do when the Electron binary is missing (the install
// could not download it), instead of electron-vite's terse "Electron uninstall".
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)
const dir = dirname(require.resolve('electron/package.json'))
const pathFile = join(dir, 'path.txt')
const binary = existsSync(pathFile) ? join(dir, 'dist', readFileSync(pathFile, 'utf8').trim()) : null
if (!binary || !existsSync(binary)) {
  console.error(
    '[microent] The Electron binary is not installed (the install could not download it).\n' +
      '           Run `npx install-electron` with internet access, then try again.\n' +
      '           Without it, everything else works: npm test, npm run cli, npm run sim, npm run web.',
  )
  process.exit(1)
}
