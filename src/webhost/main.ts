/**
 * npm run web -- [--port N] [--demo] [--rebuild]
 * The browser test host for development and end-to-end tests. Env: MICROENT_DATA_DIR, JUHE_BASE_URL,
 * MICROENT_TIME_SCALE, JUHE_KEY (optional: a key already in the memory vault).
 */
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { timeScaleFromEnv } from '../core/data-dir'
import { REPO_ROOT, ensureRendererBuilt } from './renderer-build'
import { startWebHost } from './server'

const DEMO_TIME_SCALE = 0.01

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      demo: { type: 'boolean', default: false },
      rebuild: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) {
    console.log('usage: npm run web -- [--port N] [--demo] [--rebuild]')
    return
  }
  const port = values.port === undefined ? 0 : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: not a port number: ${values.port}`)
  const env = process.env
  const rendererDir = await ensureRendererBuilt({ force: values.rebuild, log: (l) => console.log(l) })
  const version = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version

  let closeSim: (() => Promise<void>) | null = null
  let baseUrl = env.JUHE_BASE_URL?.trim() || null
  let timeScale = timeScaleFromEnv(env)
  let dataDir = env.MICROENT_DATA_DIR?.trim() || join(REPO_ROOT, '.tmp', 'web-data')
  let initialKey = env.JUHE_KEY?.trim() || null
  if (values.demo) {
    const { startSimulator } = await import('../sim/server')
    if (!env.MICROENT_TIME_SCALE) timeScale = DEMO_TIME_SCALE
    const sim = await startSimulator({ timeScale, seed: 'demo' })
    closeSim = () => sim.close()
    baseUrl = sim.url
    // The demo never touches real lookups: its own folder, the simulator's key.
    dataDir = mkdtempSync(join(tmpdir(), 'microent-demo-'))
    initialKey ??= 'test-key'
    console.log(`simulator: ${sim.url} (time scale ${timeScale})`)
  }

  const logger = { info() {}, warn: (m: string, d?: object) => console.warn(m, d ?? ''), error: (m: string, d?: object) => console.error(m, d ?? '') }
  const host = await startWebHost({ dataDir, baseUrl, timeScale, port, rendererDir, initialKey, demo: values.demo, version, logger })
  console.log(`data folder: ${host.dataDir}`)
  console.log(`API: ${baseUrl ?? '(settings, else https://v.juhe.cn)'}`)
  console.log(`\n  open ${host.url}\n`)

  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    await host.close()
    await closeSim?.()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
