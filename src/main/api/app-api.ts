import { basename } from 'node:path'
import { randomUUID } from 'node:crypto'
import type { InvokeArgs, InvokeChannel, InvokeMap, ImportPreview, Snapshot } from '../../shared/ipc/contract'
import type { Job } from '../../shared/domain/job'
import { toBatchSummary } from '../../shared/domain/lookup-row'
import { encodeLookupTable } from '../../shared/domain/lookup-table'
import type { Clock, Timers } from '../../core/ports'
import type { Services } from '../../core/services'
import { NotFoundError, NotResubmittableError, TwinRunningError } from '../../core/jobs/lookup-service'
import { PROBE_JOBID } from '../../core/jobs/engine-contract'
import { PAUSED_EN, PAUSED_ZH } from '../../core/juhe/error-codes'
import { SettingsValidationError } from '../../core/settings'
import { ApiFailure } from './failure'
import { checkData } from '../../core/use-cases/check-data'
import { findingText } from '../../core/use-cases/check-data-text'
import { forwardEngineEvents } from './event-forwarder'
import { describeSelection, selectForExport } from '../../core/use-cases/export-selection'
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
  const importFiles = new Map<string, { path: string; name: string }>()
  /** Files the app exported, by token, for "show in folder" (the page never names a path for main to open). */
  const exportedFiles = new Map<string, string>()
  const pager = new SnapshotPager(deps.clock, deps.snapshotPageRows)
  /**
   * At start-up the archive (finished lookups) is read once the window has every row it asked for first: reading it
   * is CPU-heavy, and started with the first page it slowed the page's own start-up as much as it saved.
   */
  const readArchiveSoon = () => deps.timers.setTimeout(() => void services.loadArchive(), 0)

  async function readImport(token: string, choice: { column?: number; sheet?: string; hasHeader?: boolean } = {}): Promise<ImportPreview> {
    const file = importFiles.get(token)
    if (!file) throw new ApiFailure('NOT_FOUND', '导入文件已失效，请重新选择 / The import file is gone; pick it again')
    const { readKeywordFile } = await import('../../core/xlsx/import')
    const read = await readKeywordFile(file.path, choice)
    if (!read.ok) throw new ApiFailure('IMPORT_FAILED', `${read.error.zh} / ${read.error.en}`, read.error.code)
    return {
      token,
      fileName: file.name,
      sheet: read.sheet,
      sheets: read.sheets,
      headerRow: read.headerRow,
      headerInferred: read.headerInferred ?? false,
      codeFirst: read.codeFirst ?? null,
      column: read.column,
      needsColumnChoice: read.needsColumnChoice,
      rows: read.rows,
      skippedBlank: read.skippedBlank,
      emptyKeywordRows: read.emptyKeywordRows,
    }
  }

  const api: AppApi = {
    async 'app:info'() {
      return deps.info.info()
    },
    async 'app:set-demo'({ on }) {
      if (!deps.control) throw new ApiFailure('NOT_ALLOWED', '此处不能切换演示模式 / Demo mode cannot be switched here')
      if (deps.info.info().demo === on) return
      await deps.control.setDemo(on)
    },
    async 'lookups:snapshot'(): Promise<Snapshot> {
      // What is in memory: at start-up the finished lookups follow (lookups:loaded) rather than hold up the list.
      const complete = services.repo.archiveLoaded
      const first = pager.start(services.repo.loadedJobs())
      if (!complete && first.more === null) readArchiveSoon()
      return {
        table: encodeLookupTable(first.rows),
        batches: services.repo.allBatches().map(toBatchSummary),
        engine: services.engine.state(),
        charges: services.ledger.counts(deps.clock.now()),
        complete,
        total: first.total,
        more: first.more,
        tally: first.tally,
        recovery: startReport(services.recoveryReport()),
      }
    },
    async 'lookups:page'({ cursor }) {
      const page = pager.next(cursor)
      if (!page) throw new ApiFailure('NOT_FOUND', '列表读取已过期，请重新载入 / This list read has expired; load the list again', cursor)
      if (page.more === null && !services.repo.archiveLoaded) readArchiveSoon()
      return { table: encodeLookupTable(page.rows), more: page.more }
    },
    async 'lookups:batches'() {
      return services.repo.allBatches().map(toBatchSummary)
    },
    async 'lookups:get'({ id }) {
      const job = services.repo.get(id)
      if (!job) throw new ApiFailure('NOT_FOUND', new NotFoundError(id).message, id)
      return job
    },
    async 'lookups:plan'({ inputs, force }) {
      return services.lookups.plan(inputs, force ?? false)
    },
    async 'lookups:submit'({ inputs, force, batchName }) {
      const res = await services.lookups.submit({ inputs, force, batchName })
      return { plan: res.plan, jobIds: res.jobs.map((j) => j.id), batchId: res.batch?.id ?? null, batch: res.batch && toBatchSummary(res.batch) }
    },
    async 'lookups:resubmit'({ ids }) {
      try {
        return { jobIds: services.lookups.resubmitAll(ids).map((j) => j.id) }
      } catch (err) {
        if (err instanceof NotFoundError) throw new ApiFailure('NOT_FOUND', err.message, err.what)
        if (err instanceof NotResubmittableError || err instanceof TwinRunningError) throw new ApiFailure('NOT_ALLOWED', err.message, err.job.id)
        throw err
      }
    },
    async 'lookups:delete'({ ids }) {
      const deleted = services.lookups.remove(ids)
      if (deleted.length) deps.events.send('jobs:deleted', { ids: deleted })
      return { deleted }
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
      if (!path) throw new ApiFailure('CANCELLED', '已取消 / Cancelled')
      const token = randomUUID()
      importFiles.set(token, { path, name: basename(path) })
      return readImport(token)
    },
    async 'import:choose-column'({ token, ...choice }) {
      return readImport(token, choice)
    },
    async 'export:save'(req) {
      const jobs: Job[] = selectForExport(services.lookups.list(), req)
      const batchNames = Object.fromEntries(services.repo.allBatches().map((b) => [b.id, b.name]))
      const { exportLookups, defaultExportFileName, ExportError } = await import('../../core/xlsx/export')
      const now = deps.clock.now()
      const suggested = defaultExportFileName(now).replace(/\.xlsx$/, `.${req.format}`)
      const path = await deps.dialogs.saveExportFile(suggested, req.format)
      if (!path) throw new ApiFailure('CANCELLED', '已取消 / Cancelled')
      try {
        await exportLookups(jobs, path, {
          format: req.format,
          appVersion: deps.info.info().version,
          now,
          filterDescription: describeSelection(req, batchNames),
          batchNames,
          placeholder: deps.settings.get().exportPlaceholder,
        })
      } catch (err) {
        if (err instanceof ExportError) throw new ApiFailure('EXPORT_FAILED', `${err.zh} / ${err.en}`, err.code)
        throw err
      }
      const reveal = randomUUID()
      exportedFiles.set(reveal, path)
      return { fileName: basename(path), rows: jobs.length, path, reveal }
    },
    async 'settings:get'() {
      return deps.settings.get()
    },
    async 'settings:set'(patch) {
      try {
        const next = deps.settings.set(patch)
        services.engine.kick()
        return next
      } catch (err) {
        if (err instanceof SettingsValidationError) throw new ApiFailure('VALIDATION', err.message)
        throw err
      }
    },
    async 'key:status'() {
      return deps.keyVault.status()
    },
    async 'key:set'({ key, storage }) {
      const status = await deps.keyVault.set(key, storage)
      // A new key is the user's answer to a key error: carry on.
      if (services.engine.state().pause?.reason === 'key') services.engine.resume()
      return status
    },
    async 'key:verify'() {
      if (!deps.keyVault.current()) throw new ApiFailure('KEY_MISSING', '尚未设置 API 密钥 / No API key is set')
      // The free result call with a jobid that cannot exist: the answer tells whether the key is accepted.
      const outcome = await services.client.fetchResult(PROBE_JOBID)
      if (outcome.type !== 'error') return { ok: true, code: null, message: '密钥有效 / The key works' }
      const e = outcome.error
      if (e.action === 'final_input' || e.action === 'no_result' || e.apiCode === 277702) return { ok: true, code: null, message: '密钥有效 / The key works' }
      // The table's texts say lookups are paused; a free check pauses nothing.
      const zh = e.zh.replace(PAUSED_ZH, '').trim()
      const en = e.en.replace(PAUSED_EN, '').trim()
      return { ok: false, code: e.code, message: `${zh} / ${en}` }
    },
    async 'key:clear'() {
      return deps.keyVault.clear()
    },
    async 'shell:open-data-folder'() {
      await deps.shell.openDataFolder()
    },
    async 'shell:show-export'({ reveal }) {
      const path = exportedFiles.get(reveal)
      if (!path) throw new ApiFailure('NOT_FOUND', '找不到该导出文件 / That export is not known here')
      await deps.shell.showItemInFolder(path)
    },
    async 'data:check'() {
      // The app holds the folder: its own view is the one to check (damaged files were set aside when it opened).
      const findings = checkData({ jobs: services.repo.all(), calls: services.ledger.calls(), damagedFiles: [], record: services.chargeRecord.text() })
      return findings.map((f) => ({ kind: f.kind, ...findingText(f) }))
    },
    async 'charges:list'({ limit }) {
      return services.ledger.calls(limit)
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
