/**
 * The same export on the calling thread (the writer yields every 8 ms), for tests and the benchmark's
 * baseline only: the app and the CLI use exportLookups, which writes in a worker thread. Kept apart from
 * export.ts so that loading export.ts never loads exceljs on the calling thread.
 */
import type { Job } from '../../../shared/domain/job'
import { writeAtomically } from './atomic-file'
import { exportSummary, planExport } from './export'
import { runExport } from './export-run'
import type { ExportOptions, ExportSummary } from './export-types'
import { arraySource } from './job-source'

export async function exportLookupsInThread(jobs: readonly Job[], outPath: string, opts: ExportOptions): Promise<ExportSummary> {
  const { plan, counts } = planExport(jobs, outPath, opts)
  let neutralized = 0
  const { bytes } = await writeAtomically(outPath, async (stream, aborted) => {
    ;({ neutralized } = await runExport(stream, arraySource(jobs), plan, { aborted, onProgress: opts.onProgress }))
  })
  return exportSummary(outPath, plan, counts, neutralized, bytes)
}
