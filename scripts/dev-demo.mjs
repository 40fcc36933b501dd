// `npm run demo`: the development app started in demo mode (MICROENT_DEMO=1 works on every shell this way).
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)
const cli = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js')
const child = spawn(process.execPath, [cli, 'dev', ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, MICROENT_DEMO: '1' } })
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)))
