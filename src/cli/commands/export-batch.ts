import { resolveDataDir } from '../../core/data-dir'
import { DEFAULT_JUHE_BASE_URL } from '../../core/juhe/client'
import { redactUrl } from '../../core/juhe/source'
import { readSettingsFile } from '../../core/read-plan'
import { fileBatchRows } from '../../core/store/batch-rows-file'
import { findBatch } from '../../core/use-cases/batch-reconciliation'
import { exportStoredBatch } from '../../core/use-cases/export-batch'
import { beijingMinute } from '../../shared/domain/beijing-time'
import { msg } from '../../shared/messages'
import { withReadView } from '../context'
import { CliError, EXIT, type CliIo } from '../io'
import { say } from '../lang'
import { appVersion, osUser } from '../provenance'
import { deskOf } from '../team'

/** `export out.xlsx|out.csv --batch NAME`: the batch reconciled, one row per input row (export-batch.ts). */
export async function exportBatchCommand(io: CliIo, out: string, ref: string): Promise<number> {
  const dataDir = resolveDataDir(io.env)
  const { ExportError } = await import('../../core/xlsx/export')
  return withReadView(io, async (view) => {
    const found = findBatch(view.batches(), ref)
    if (!found.ok && found.why === 'none') throw new CliError(EXIT.USAGE, say(io, msg('batch.notFound', { ref })))
    if (!found.ok) {
      const list = found.matches.map((b) => `  ${b.id}  ${beijingMinute(b.createdAt)}`).join('\n')
      throw new CliError(EXIT.USAGE, `${say(io, msg('batch.ambiguous', { ref, n: found.matches.length }))}\n${list}`)
    }
    const settings = readSettingsFile(dataDir)
    const rows = fileBatchRows(dataDir)
    const byId = new Map(view.list().map((j) => [j.id, j]))
    const desk = deskOf(io.env)
    let written: { rows: number; matched: number }
    try {
      written = await exportStoredBatch(out, {
        reads: { lookup: (id) => byId.get(id), rows: (id) => rows.get(id), counts: (t) => view.charges.counts(t), caps: () => settings },
        batch: found.batch,
        settings,
        now: Date.now(),
        app: { name: 'microent-desk', version: appVersion() },
        user: osUser(io.env),
        dataSource: redactUrl(io.env.JUHE_BASE_URL?.trim() || settings.baseUrl || DEFAULT_JUHE_BASE_URL),
        ...(desk !== null ? { desk } : {}),
      })
    } catch (err) {
      if (err instanceof ExportError) throw new CliError(EXIT.FAILURE, say(io, err.text))
      throw err
    }
    io.err(say(io, msg('batch.exported', { rows: written.rows, path: out, matched: written.matched })))
    return EXIT.OK
  })
}
