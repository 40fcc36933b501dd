import { existsSync, statSync } from 'node:fs'
import { resolveEndpoint } from '../core/juhe/endpoint'
// Loaded when a command opens the folder for writing: the read-only commands (list, show) start without it.
import type { NodeHost } from '../core/node-host'
import { openReadView, type ReadView } from '../core/read-view'
import { resolveDataDir, timeScaleFromEnv } from '../core/data-dir'
import { DataLockedError, type LockHolder } from '../core/store/data-lock'
import { NewerSchemaError } from '../core/store/schema'
import { DataFolderError } from '../core/store/make-folder'
import { missingSnapshotFiles } from '../core/store/segment-files'
import { redactUrl } from '../core/juhe/source'
import { CliError, EXIT, type CliIo } from './io'
import { msg } from '../shared/messages'
import { langOf, say } from './lang'
import { lostLines, missingFileLine } from './recovery-report'
import { teamFromEnv } from './team'

/** Another process (the app, a running `run`) holds the data folder. */
export class FolderLockedError extends CliError {
  constructor(readonly holder: LockHolder, message: string) {
    super(EXIT.FAILURE, message)
    this.name = 'FolderLockedError'
  }
}

/**
 * What a command may do with a data folder that does not exist: `read` commands refuse (a mistyped MICROENT_DATA_DIR
 * would show "no lookups", and a later submit would pay again for everything in the real folder; the app's own
 * folder is not made by a command that has nothing to do in it); `write` commands create it and say so.
 */
export type FolderUse = 'read' | 'write'

/** A read view (list, show…) of the app's own folder that is not there yet shows it empty: nothing is made. */
type FolderCheck = FolderUse | 'view'

/** Returns true when the folder is to be created (said once it has been). */
function checkDataDir(io: CliIo, dir: string, use: FolderCheck): boolean {
  const named = Boolean(io.env.MICROENT_DATA_DIR?.trim())
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) {
      throw new CliError(EXIT.FAILURE, msg('cli.dataDirNotFolder', { dir }))
    }
    return false
  }
  if (use === 'view' && !named) return false
  if (use !== 'write') throw new CliError(EXIT.FAILURE, msg(named ? 'cli.dataDirMissing' : 'cli.noDataYet', { dir }))
  // The app's own folder is created on first use without a word; a named one is said (it may be a typing slip).
  return named
}

/** JUHE_BASE_URL, checked (exit 2 when it is no usable http(s) address; credentials are never repeated). */
function baseUrlFromEnv(env: NodeJS.ProcessEnv): string | null {
  const baseUrl = env.JUHE_BASE_URL?.trim() || null
  if (baseUrl && !resolveEndpoint(baseUrl, '')) {
    const shown = redactUrl(baseUrl)
    throw new CliError(EXIT.USAGE, msg('cli.badBaseUrl', { url: shown, credentials: shown !== baseUrl }))
  }
  return baseUrl
}

/**
 * Opens the data folder named by the environment (MICROENT_DATA_DIR, JUHE_KEY, JUHE_BASE_URL, MICROENT_TIME_SCALE),
 * in team mode when MICROENT_DATABASE_URL is set (team.ts).
 */
export async function openHost(io: CliIo, use: FolderUse = 'write', extra: { repair?: boolean } = {}): Promise<NodeHost> {
  const env = io.env
  const key = env.JUHE_KEY?.trim() || null
  const dataDir = resolveDataDir(env)
  const baseUrl = baseUrlFromEnv(env)
  const team = teamFromEnv(env)
  const creating = checkDataDir(io, dataDir, use)
  const { openNodeHost } = await import('../core/node-host')
  try {
    const host = openNodeHost({
      dataDir,
      app: 'microent CLI',
      key: () => key,
      baseUrl,
      timeScale: timeScaleFromEnv(env),
      repair: extra.repair,
      team,
    })
    if (creating) {
      io.err(say(io, msg('cli.dataDirCreated', { dir: dataDir })))
    }
    for (const n of host.services.notices) {
      if (!n.movedTo) {
        io.err(missingFileLine(langOf(io), n.file))
        continue
      }
      io.err(say(io, msg('recovery.fileMovedAside', { movedTo: n.movedTo })))
    }
    for (const line of lostLines(langOf(io), host.services.recoveryReport())) io.err(line)
    // The charged-call record does not match what was written (or lookups prove calls it lacks): said by every command.
    const record = host.services.chargeRecord.text()
    if (record) io.err(say(io, record.text))
    return host
  } catch (err) {
    if (err instanceof DataLockedError) throw new FolderLockedError(err.holder, say(io, err.text))
    if (err instanceof NewerSchemaError) throw new CliError(EXIT.FAILURE, say(io, err.text))
    if (err instanceof DataFolderError) throw new CliError(EXIT.FAILURE, say(io, msg('data.checkDataDirEnv', { problem: err.text })))
    throw err
  }
}

export async function withHost<T>(io: CliIo, fn: (host: NodeHost) => Promise<T> | T, use: FolderUse = 'write', extra: { repair?: boolean } = {}): Promise<T> {
  const host = await openHost(io, use, extra)
  try {
    return await fn(host)
  } finally {
    await host.close()
  }
}

/** withHost for commands that need a named data folder to exist (it is not created for them). */
export function withReadHost<T>(io: CliIo, fn: (host: NodeHost) => Promise<T> | T): Promise<T> {
  return withHost(io, fn, 'read')
}

/**
 * For the commands that only read (`list`, `show`, `export`, `charges`): the data folder as it is, without its lock
 * (the app or a `run` may hold it) and without writing anything (read-view.ts). A named data folder must exist.
 */
export async function withReadView<T>(io: CliIo, fn: (view: ReadView) => Promise<T> | T): Promise<T> {
  const dataDir = resolveDataDir(io.env)
  baseUrlFromEnv(io.env)
  checkDataDir(io, dataDir, 'view')
  let view: ReadView
  try {
    view = await openReadView({ dataDir, timeScale: timeScaleFromEnv(io.env) })
  } catch (err) {
    if (err instanceof NewerSchemaError) throw new CliError(EXIT.FAILURE, say(io, err.text))
    const code = (err as NodeJS.ErrnoException).code
    if (code && /^E[A-Z]+$/.test(code)) {
      throw new CliError(EXIT.FAILURE, msg('cli.dataDirUnreadable', { dir: dataDir, code }))
    }
    throw err
  }
  for (const p of view.problems) {
    io.err(say(io, msg('recovery.unreadableInView', { file: p.file })))
  }
  // A snapshot file the folder's list has but that is gone: its lookups are missing from what is shown.
  for (const file of missingSnapshotFiles(dataDir)) {
    io.err(say(io, msg('recovery.missingInView', { file })))
  }
  if (view.record) io.err(say(io, view.record))
  return fn(view)
}
