/**
 * The browser test host's composition root: the same core and app API as the desktop app, served to a browser on
 * 127.0.0.1 (server.ts), with test doubles for what only Electron has (doubles.ts).
 *
 * npm run web -- [--port N] [--demo] [--rebuild]
 * For development and end-to-end tests. Env: MICROENT_DATA_DIR, JUHE_BASE_URL, MICROENT_TIME_SCALE, JUHE_KEY
 * (optional: a key already in the memory vault). Team mode as in the app: settings.json's teamDatabaseUrl and teamDesk.
 */
import { backupOpenFolder } from '../core/use-cases/backup-open-folder'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import type { AppInfo, EventChannel } from '../shared/ipc/contract'
import { createAppApi } from '../main/api/app-api'
import { timeScaleFromEnv } from '../core/data-dir'
import { openNodeHost, type NodeHost } from '../core/node-host'
import { silentLogger, type Logger } from '../core/ports'
import { realClock, realTimers } from '../core/real-time'
import { readSettingsFile } from '../core/read-plan'
import { osUser } from '../core/provenance'
import { teamAtStart } from '../main/app/team-start'
import { readInstallationId } from '../core/store/installation-file'
import { MemoryKeyVault, QueuedDialogs, RecordingControl, RecordingShell, newRecorded, type Recorded } from './doubles'
import { REPO_ROOT, WEB_RENDERER_DIR, ensureRendererBuilt } from './renderer-build'
import { pageEvents, serveToBrowser } from './server'

export interface WebHostOptions {
  dataDir: string
  /** API base URL (JUHE_BASE_URL); null uses the settings' or the real API's. */
  baseUrl?: string | null
  timeScale?: number
  /** 0 (default) picks a free port. */
  port?: number
  /** Reusing the token across a restart lets an open page reconnect by itself. Random by default. */
  token?: string
  /** A built renderer (index.html + assets). */
  rendererDir?: string
  /** A key already in the (memory) vault, e.g. the simulator's in demo mode. */
  initialKey?: string | null
  /** Reported by app:info; the key can then be neither set nor cleared, as in the desktop app's demo mode. */
  demo?: boolean
  version?: string
  logger?: Logger
  /** `later` (default, as the desktop app): finished lookups are read in the background; `now`: before serving. */
  archive?: 'now' | 'later'
  /** A team database password already in the (memory) vault: team mode's settings are read at start as the app does. */
  teamPassword?: string | null
}

export interface WebHost {
  url: string
  token: string
  port: number
  dataDir: string
  dialogs: { queueOpen(path: string | null): void; queueSave(path: string | null): void }
  recorded: Recorded
  /** The core behind the page, for assertions. */
  node: NodeHost
  /** Events sent to the page, by channel (counts only: payloads can be large). */
  eventCounts: Partial<Record<EventChannel, number>>
  close(): Promise<void>
}

export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const token = opts.token ?? randomBytes(24).toString('base64url')
  const logger = opts.logger ?? silentLogger
  const demo = opts.demo ?? false
  const recorded = newRecorded()
  const keyVault = new MemoryKeyVault(recorded, opts.initialKey ?? null, demo)
  const dialogs = new QueuedDialogs(recorded)
  const pages = pageEvents()
  // Team mode as the desktop app starts it: the settings' database with the kept password, this host as the desk.
  const teamPassword = new MemoryKeyVault(recorded, opts.teamPassword ?? null, false, 'teamPassword')
  const team = demo ? null : teamAtStart({ settings: readSettingsFile(opts.dataDir), readPassword: async () => teamPassword.current(), hostName: hostname(), user: osUser() })
  // No keyring to wait for here: read now, as the app reads it once its window is up.
  await team?.options.passwordLater?.()
  const node = openNodeHost({
    dataDir: opts.dataDir,
    app: 'microent web host',
    key: () => keyVault.current(),
    baseUrl: opts.baseUrl ?? null,
    demo,
    timeScale: opts.timeScale ?? 1,
    logger,
    // As the desktop app opens it: finished lookups are read in the background.
    archive: opts.archive ?? 'later',
    ...(team ? { team: team.options } : {}),
  })
  const info = (): AppInfo => ({ version: opts.version ?? '0.0.0-web', dataDir: node.dataDir, demo, platform: 'web' })
  const api = createAppApi({
    services: node.services,
    settings: node.settings,
    keyVault,
    dialogs,
    shell: new RecordingShell(recorded),
    events: pages.events,
    info: { info },
    control: new RecordingControl(recorded),
    // Team settings and the connection test as the desktop app serves them.
    team: demo ? undefined : { password: teamPassword, hostName: hostname(), running: team?.running ?? null, installation: () => readInstallationId(opts.dataDir) },
    backup: (out) => backupOpenFolder(node, out, { app: { name: 'microent-desk', version: opts.version ?? '0.0.0-web' }, now: () => Date.now(), secrets: [] }),
    clock: realClock,
    timers: realTimers,
  })
  node.services.start()
  const served = await serveToBrowser({ api, pages, rendererDir: opts.rendererDir ?? WEB_RENDERER_DIR, port: opts.port ?? 0, token, logger }).catch(async (err: unknown) => {
    api.dispose()
    await node.close()
    throw err
  })
  const { port } = served
  let closing: Promise<void> | null = null
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    dataDir: node.dataDir,
    dialogs: { queueOpen: (p) => void dialogs.openQueue.push(p), queueSave: (p) => void dialogs.saveQueue.push(p) },
    recorded,
    node,
    eventCounts: pages.counts,
    close() {
      closing ??= (async () => {
        await served.close()
        api.dispose()
        await node.close()
      })()
      return closing
    },
  }
}

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

// Run as `npm run web`; imported (tests, benches) it only provides startWebHost.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err)
    process.exit(1)
  })
}
