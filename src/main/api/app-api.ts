import { basename } from 'node:path'
import { randomUUID } from 'node:crypto'
import type { InvokeArgs, InvokeChannel, InvokeMap, ImportPreview, Snapshot, SubmitSourceRef } from '../../shared/ipc/contract'
import { toBatchSummary } from '../../shared/domain/lookup-row'
import { encodeLookupTable } from '../../shared/domain/lookup-table'
import type { Clock, Timers } from '../../core/ports'
import type { Services } from '../../core/services'
import { SettingsValidationError } from '../../core/settings'
import { ApiFailure } from './failure'
import { msg } from '../../shared/messages'
import { keyChanged, verifyKey } from '../../core/use-cases/api-key'
import { checkOwnData } from '../../core/use-cases/check-data'
import { findingText } from '../../core/use-cases/check-data-text'
import { deleteLookups } from '../../core/use-cases/delete-lookups'
import { exportSelection } from '../../core/use-cases/export-selection'
import { importPreview, readKeywords } from '../../core/use-cases/import-keywords'
import { NotFoundError, NotResubmittableError, TwinRunningError, resubmitTogether } from '../../core/use-cases/resubmit'
import { planSubmission, submitLookups } from '../../core/use-cases/submit-plan'
import { updateSettings } from '../../core/use-cases/update-settings'
// A submission's file source (kept apart from the imports above: the batch view's part of this file).
import { fileSource, type KeywordFileRead } from '../../core/use-cases/import-keywords'
import type { SubmitSource } from '../../core/jobs/batch-intake'
import { batchHandlers } from './batch-handlers'
import { teamHandlers, type TeamPort } from './team-handlers'
import { forwardEngineEvents } from './event-forwarder'
import { SnapshotPager } from './snapshot-pager'
import { reportIsEmpty, type RecoveryReport } from '../../shared/domain/recovery-report'
import type { AppControlPort, AppInfoPort, DialogsPort, EventPort, KeyVault, SettingsPort, ShellPort } from './ports'

export type AppApi = { [C in InvokeChannel]: (args: InvokeArgs<C>) => Promise<InvokeMap[C]['result']> } & { dispose(): void }

export interface AppApiDeps {
  services: Services
  settings: SettingsPort
  keyVault: KeyVault
  dialogs: DialogsPort
  shell: ShellPort
  events: EventPort
  info: AppInfoPort
  clock: Clock
  timers: Timers
  /** Absent where the host cannot restart itself. */
  control?: AppControlPort
  /** Team mode's settings, password and connection test (issue 17); absent where not offered (demo mode). */
  team?: TeamPort
  /** Backs up the data folder the host holds open (use-cases/backup-open-folder.ts); absent: not offered. */
  backup?: (outPath: string) => Promise<{ files: number; bytes: number; chainHead: string }>
  /** Rows per `lookups:snapshot` page (tests use small pages); SNAPSHOT_PAGE_ROWS otherwise. */
  snapshotPageRows?: number
}

/**
 * The app's behaviour behind the IPC contract, free of Electron: the desktop app and the browser test host both
 * serve exactly this object. Handlers receive validated arguments (see dispatch.ts) and throw ApiFailure.
 */
export function createAppApi(deps: AppApiDeps): AppApi {
  const { services } = deps
  const stopForwarding = forwardEngineEvents(services, deps.events, deps.clock, deps.timers)
  /** Files the user picked for import, by opaque token: the renderer never sees a path. */
  const importFiles = new Map<string, { path: string; name: string; read?: KeywordFileRead }>()
  /** Files the app exported, by token, for "show in folder" (the page never names a path for main to open). */
  const exportedFiles = new Map<string, string>()
  const rememberExport = (path: string) => {
    const reveal = randomUUID()
    exportedFiles.set(reveal, path)
    return reveal
  }
  const pager = new SnapshotPager(deps.clock, deps.snapshotPageRows)
  /**
   * At start-up the archive (finished lookups) is read once the window has every row it asked for first: reading it
   * is CPU-heavy, and started with the first page it slowed the page's own start-up as much as it saved.
   */
  const readArchiveSoon = () => deps.timers.setTimeout(() => void services.loadArchive(), 0)

  async function readImport(token: string, choice: { column?: number; sheet?: string; hasHeader?: boolean } = {}): Promise<ImportPreview> {
    const file = importFiles.get(token)
    if (!file) throw new ApiFailure('NOT_FOUND', msg('ipc.importFileGone'))
    const read = await readKeywords(file.path, choice)
    if (!read.ok) throw new ApiFailure('IMPORT_FAILED', read.error.text, read.error.code)
    file.read = read.read
    return importPreview(token, file.name, read.read)
  }

  /** A submission's source as the batch keeps it: an imported file as last read for its preview (hashed now). */
  async function submitSource(ref: SubmitSourceRef | undefined): Promise<SubmitSource | undefined> {
    if (ref?.kind !== 'file') return ref && { kind: 'typed' }
    const file = importFiles.get(ref.token)
    if (!file?.read) throw new ApiFailure('NOT_FOUND', msg('ipc.importFileGone'))
    const read = file.read
    return fileSource(file.path, read).catch(() => {
      throw new ApiFailure('IMPORT_FAILED', msg('ipc.importFileGone'), file.name)
    })
  }

  const api: AppApi = {
    async 'app:info'() {
      return deps.info.info()
    },
    async 'app:set-demo'({ on }) {
      if (!deps.control) throw new ApiFailure('NOT_ALLOWED', msg('ipc.demoSwitchNotHere'))
      if (deps.info.info().demo === on) return
      await deps.control.setDemo(on)
    },
    async 'app:restart'() {
      if (!deps.control?.restart) throw new ApiFailure('NOT_ALLOWED', msg('team.restartNotHere'))
      await deps.control.restart()
    },
    ...teamHandlers(deps),
    async 'lookups:snapshot'(): Promise<Snapshot> {
      // What is in memory: at start-up the finished lookups follow (lookups:loaded) rather than hold up the list.
      const complete = services.reads.archiveLoaded()
      const first = pager.start(services.reads.loaded())
      if (!complete && first.more === null) readArchiveSoon()
      return {
        table: encodeLookupTable(first.rows),
        batches: services.reads.batches().map(toBatchSummary),
        engine: services.engine.state(),
        charges: services.charges.counts(deps.clock.now()),
        complete,
        total: first.total,
        more: first.more,
        tally: first.tally,
        recovery: startReport(services.recoveryReport()),
      }
    },
    async 'lookups:page'({ cursor }) {
      const page = pager.next(cursor)
      if (!page) throw new ApiFailure('NOT_FOUND', msg('ipc.listReadExpired'), cursor)
      if (page.more === null && !services.reads.archiveLoaded()) readArchiveSoon()
      return { table: encodeLookupTable(page.rows), more: page.more }
    },
    async 'lookups:batches'() {
      return services.reads.batches().map(toBatchSummary)
    },
    async 'lookups:get'({ id }) {
      const job = services.reads.get(id)
      if (!job) throw new ApiFailure('NOT_FOUND', msg('job.notFound', { what: id }), id)
      return job
    },
    async 'lookups:history'({ id }) {
      const history = services.reads.history(id)
      if (!history) throw new ApiFailure('NOT_FOUND', msg('job.notFound', { what: id }), id)
      return history
    },
    async 'lookups:changed'() {
      return { ids: services.reads.changedIds() }
    },
    async 'lookups:plan'({ inputs, force }) {
      return planSubmission(services, inputs, force ?? false)
    },
    async 'lookups:submit'({ inputs, force, batchName, source }) {
      return submitLookups(services, { inputs, force, batchName, source: await submitSource(source) })
    },
    ...batchHandlers({ ...deps, remember: (path) => rememberExport(path) }),
    async 'lookups:resubmit'({ ids }) {
      try {
        return { jobIds: resubmitTogether(services, ids) }
      } catch (err) {
        // The core's refusals say themselves (their text); the envelope adds the code and what they were about.
        if (err instanceof NotFoundError) throw new ApiFailure('NOT_FOUND', err.text, err.what)
        if (err instanceof NotResubmittableError) throw new ApiFailure('NOT_ALLOWED', err.text, err.job.id)
        if (err instanceof TwinRunningError) throw new ApiFailure('NOT_ALLOWED', err.text, err.job.id)
        throw err
      }
    },
    async 'lookups:delete'({ ids }) {
      return { deleted: deleteLookups(services, ids, (gone) => deps.events.send('lookups:deleted', { ids: gone })) }
    },
    async 'engine:pause'() {
      services.engine.pause()
      return services.engine.state()
    },
    async 'engine:resume'() {
      services.engine.resume()
      return services.engine.state()
    },
    async 'import:open'() {
      const path = await deps.dialogs.openImportFile()
      if (!path) throw new ApiFailure('CANCELLED', msg('ipc.cancelled'))
      const token = randomUUID()
      importFiles.set(token, { path, name: basename(path) })
      return readImport(token)
    },
    async 'import:choose-column'({ token, ...choice }) {
      return readImport(token, choice)
    },
    async 'export:save'(req) {
      // What is exported is the list as it was when asked, not as it is once the user has picked a file.
      const from = { lookups: services.lookups.list(), batches: services.reads.batches() }
      const { defaultExportFileName, ExportError } = await import('../../core/xlsx/export')
      const now = deps.clock.now()
      const suggested = defaultExportFileName(now).replace(/\.xlsx$/, `.${req.format}`)
      const path = await deps.dialogs.saveExportFile(suggested, req.format)
      if (!path) throw new ApiFailure('CANCELLED', msg('ipc.cancelled'))
      const placeholder = deps.settings.get().exportPlaceholder
      // Team mode: the workbook names the desk that charged each lookup, and this desk on 说明 (issue 17).
      const desk = services.team?.desk
      const opts = { format: req.format, appVersion: deps.info.info().version, now, placeholder, includeChanges: req.includeChanges ?? false, ...(desk !== undefined ? { desk } : {}) }
      const { rows } = await exportSelection(from, req, path, opts).catch((err: unknown) => {
        if (err instanceof ExportError) throw new ApiFailure('EXPORT_FAILED', err.text, err.code)
        throw err
      })
      const reveal = randomUUID()
      exportedFiles.set(reveal, path)
      return { fileName: basename(path), rows, path, reveal }
    },
    async 'settings:get'() {
      return deps.settings.get()
    },
    async 'settings:set'(patch) {
      try {
        return updateSettings({ settings: deps.settings, engine: services.engine }, patch)
      } catch (err) {
        if (err instanceof SettingsValidationError) throw new ApiFailure('VALIDATION', err.text)
        throw err
      }
    },
    async 'key:status'() {
      return deps.keyVault.status()
    },
    async 'key:set'({ key, storage }) {
      const status = await deps.keyVault.set(key, storage)
      keyChanged(services.engine)
      return status
    },
    async 'key:verify'() {
      const verdict = await verifyKey({ key: () => deps.keyVault.current(), client: services.client })
      if (!verdict) throw new ApiFailure('KEY_MISSING', msg('ipc.keyMissing'))
      return verdict
    },
    async 'key:clear'() {
      return deps.keyVault.clear()
    },
    async 'shell:open-data-folder'() {
      await deps.shell.openDataFolder()
    },
    async 'shell:show-export'({ reveal }) {
      const path = exportedFiles.get(reveal)
      if (!path) throw new ApiFailure('NOT_FOUND', msg('ipc.exportUnknown'))
      await deps.shell.showItemInFolder(path)
    },
    async 'data:backup'() {
      if (!deps.backup) throw new ApiFailure('NOT_ALLOWED', msg('ipc.backupUnavailable'))
      const { backupFileName, BackupError } = await import('../../core/use-cases/backup')
      const path = await deps.dialogs.saveExportFile(backupFileName(deps.clock.now()), 'zip')
      if (!path) throw new ApiFailure('CANCELLED', msg('ipc.cancelled'))
      const done = await deps.backup(path).catch((err: unknown) => {
        if (err instanceof BackupError) throw new ApiFailure('EXPORT_FAILED', err.text)
        throw err
      })
      return { fileName: basename(path), path, files: done.files, bytes: done.bytes, chainHead: done.chainHead, reveal: rememberExport(path) }
    },
    async 'data:check'() {
      // The app holds the folder: its own view is the one to check (damaged files were set aside when it opened).
      return checkOwnData(services).map((f) => ({ kind: f.kind, ...findingText(f) }))
    },
    async 'charges:list'({ limit }) {
      return services.charges.calls(limit)
    },
    async 'charges:export'({ from: fromDay, to: toDay, format }) {
      // Loaded when asked, like the lookup export: the writers stay out of the start-up bundle (and out of the
      // Electron entry's chunk, which the export chunk would otherwise import them from).
      const { auditFileName, exportAudit, periodReversed } = await import('../../core/use-cases/audit-export')
      const period = { from: fromDay ?? null, to: toDay ?? null }
      if (periodReversed(period)) throw new ApiFailure('VALIDATION', msg('audit.daysReversed', { from: period.from ?? '', to: period.to ?? '' }))
      const now = deps.clock.now()
      const path = await deps.dialogs.saveExportFile(auditFileName(now, format), format)
      if (!path) throw new ApiFailure('CANCELLED', msg('ipc.cancelled'))
      const { ExportError } = await import('../../core/xlsx/export')
      const settings = deps.settings.get()
      const { dataDir, version } = deps.info.info()
      const from = { dataDir, calls: services.charges.calls(), lookups: services.reads.all(), batches: services.reads.batches(), source: services.dataSource(), pricePerCall: settings.pricePerCall }
      const { rows, head } = await exportAudit(path, period, from, { version, now }).catch((err: unknown) => {
        if (err instanceof ExportError) throw new ApiFailure('EXPORT_FAILED', err.text, err.code)
        throw err
      })
      return { fileName: basename(path), rows, head, path, reveal: rememberExport(path) }
    },
    dispose() {
      stopForwarding()
      importFiles.clear()
      exportedFiles.clear()
    },
  }
  return api
}

/** The start's recovery report for the window, or null when it has nothing to say. */
function startReport(r: RecoveryReport): RecoveryReport | null {
  return reportIsEmpty(r) ? null : r
}

