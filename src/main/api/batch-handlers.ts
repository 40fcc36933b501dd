/**
 * The batch view's channels (`batches:*`): each turns its arguments into a core use case's input and its errors
 * into ApiFailures; the reconciliation, the name's rules and the workbook are the core's.
 */
import { basename } from 'node:path'
import type { InvokeMap } from '../../shared/ipc/contract'
import type { Batch } from '../../shared/domain/job'
import { toBatchSummary } from '../../shared/domain/lookup-row'
import { msg } from '../../shared/messages'
import type { Clock } from '../../core/ports'
import { osUser } from '../../core/provenance'
import type { Services } from '../../core/services'
import { BatchNotFoundError, batchReads, storedBatch, viewBatch } from '../../core/use-cases/batch-view'
import { BatchNameError, renameBatch } from '../../core/use-cases/rename-batch'
import { ApiFailure } from './failure'
import type { AppInfoPort, DialogsPort, SettingsPort } from './ports'

type BatchChannel = 'batches:reconcile' | 'batches:rename' | 'batches:export'
type Handlers = { [C in BatchChannel]: (args: InvokeMap[C]['args']) => Promise<InvokeMap[C]['result']> }

export interface BatchHandlerDeps {
  services: Services
  settings: SettingsPort
  dialogs: DialogsPort
  info: AppInfoPort
  clock: Clock
  /** Keeps an exported file for "show in folder" and returns its token. */
  remember(path: string): string
}

function notFound<T>(err: unknown): T {
  if (err instanceof BatchNotFoundError) throw new ApiFailure('NOT_FOUND', msg('batch.gone'), err.batchId)
  throw err
}

export function batchHandlers(deps: BatchHandlerDeps): Handlers {
  const { services } = deps
  return {
    async 'batches:reconcile'({ batchId }) {
      try {
        return viewBatch(services, batchId, deps.settings.get(), deps.clock.now())
      } catch (err) {
        return notFound(err)
      }
    },
    async 'batches:rename'({ batchId, name }) {
      try {
        return toBatchSummary(renameBatch(services, batchId, name))
      } catch (err) {
        if (err instanceof BatchNameError) throw new ApiFailure('VALIDATION', err.text)
        return notFound(err)
      }
    },
    async 'batches:export'({ batchId, format }) {
      const now = deps.clock.now()
      let found: Batch
      try {
        found = storedBatch(services, batchId)
      } catch (err) {
        return notFound(err)
      }
      // Loaded when asked: the workbook writers stay out of the start-up bundle (see app-api's charges:export).
      const { batchExportFileName, exportStoredBatch } = await import('../../core/use-cases/export-batch')
      const path = await deps.dialogs.saveExportFile(batchExportFileName(found, now, format), format)
      if (!path) throw new ApiFailure('CANCELLED', msg('ipc.cancelled'))
      const { ExportError } = await import('../../core/xlsx/export')
      const settings = deps.settings.get()
      // The batch as it is once the user has picked the file (its name may have changed meanwhile).
      const batch = services.reads.batch(batchId) ?? found
      const { rows } = await exportStoredBatch(path, {
        reads: batchReads(services, () => settings),
        batch,
        settings,
        now,
        app: { name: 'microent-desk', version: deps.info.info().version },
        user: osUser(),
        dataSource: services.dataSource(),
        // Team mode: who charged each row's lookup (issue 17).
        ...(services.team ? { desk: services.team.desk } : {}),
      }).catch((err: unknown) => {
        if (err instanceof ExportError) throw new ApiFailure('EXPORT_FAILED', err.text, err.code)
        throw err
      })
      return { fileName: basename(path), rows, path, reveal: deps.remember(path) }
    },
  }
}
