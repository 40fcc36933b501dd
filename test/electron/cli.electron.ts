// The app binary as the command line (`--cli`, src/main/app/cli-mode.ts) in real Electron: one command, its output
// on stdout, its exit code, no window. From out/ (`electron . --cli …`) always; from a packaged build (the CLI
// chunk and the workers inside app.asar) where MICROENT_PACKAGED_DIR names one, as packaged.electron.ts does.
import { spawn } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sampleKeywords } from '../../src/sim/dataset'
import type { Simulator } from '../../src/sim/types'
import { appEnv, electronBinary, freshFolders, KEY, root, startSim, type Folders } from './helpers/app'

interface Ran {
  code: number | null
  stdout: string
  stderr: string
}

function run(executable: string, args: string[], env: Record<string, string>): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(executable, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
    child.on('error', reject)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

let sim: Simulator
let folders: Folders
let env: Record<string, string>

beforeAll(async () => {
  sim = await startSim()
  folders = freshFolders(sim)
  env = { ...appEnv(folders), JUHE_KEY: KEY, JUHE_BASE_URL: sim.url, LANG: 'en_US.UTF-8' }
  delete env.MICROENT_TEST_HOOKS
})
afterAll(async () => {
  await sim?.close()
})

describe('electron . --cli', () => {
  const cli = (...args: string[]) => run(electronBinary(), [root, '--cli', ...args], env)

  it('lists an empty folder as [] and exits 0', async () => {
    const r = await cli('list', '--json')
    expect([r.code, JSON.parse(r.stdout)]).toEqual([0, []])
  })

  it('queues a lookup, then lists it; an unknown command exits 2', async () => {
    const [known] = sampleKeywords(sim.dataset, 1).knownNames
    const submitted = await cli('submit', known as string, '--yes')
    expect(submitted.code).toBe(0)
    const listed = await cli('list', '--json')
    expect(listed.code).toBe(0)
    expect((JSON.parse(listed.stdout) as { keyword?: string; input?: string }[]).length).toBe(1)
    const unknown = await cli('frobnicate')
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('frobnicate')
  })
})

const packagedDir = process.env.MICROENT_PACKAGED_DIR?.trim()

/** The app's executable in electron-builder's --dir output (as packaged.electron.ts finds it). */
function packagedExecutable(dir: string): string {
  for (const sub of readdirSync(dir)) {
    if (/-unpacked$/.test(sub)) {
      const exe = join(dir, sub, process.platform === 'win32' ? 'microent-desk.exe' : 'microent-desk')
      if (existsSync(exe)) return exe
    }
    if (/^mac/.test(sub)) {
      const bundle = readdirSync(join(dir, sub)).find((f) => f.endsWith('.app'))
      if (bundle) return join(dir, sub, bundle, 'Contents', 'MacOS', bundle.replace(/\.app$/, ''))
    }
  }
  throw new Error(`no packaged app under ${dir}`)
}

describe.skipIf(!packagedDir)('the packaged binary with --cli', () => {
  it('lists the folder from inside app.asar', async () => {
    const r = await run(packagedExecutable(packagedDir as string), ['--cli', 'list', '--json'], env)
    expect(r.code).toBe(0)
    expect(Array.isArray(JSON.parse(r.stdout))).toBe(true)
  })
})
