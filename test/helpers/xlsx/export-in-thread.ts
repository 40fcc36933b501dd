/**
 * The same export on the calling thread (the writer yields every 8 ms), for tests and the benchmark's
 * baseline only: the app and the CLI use exportLookups, which writes in a worker thread. Kept apart from
 * export.ts so that loading export.ts never loads exceljs on the calling thread.
 */
import type { Job } from '../../../src/shared/domain/job'
import { writeAtomically } from '../../../src/core/xlsx/atomic-file'
import { exportSummary, planExport } from '../../../src/core/xlsx/export'
import { runExport } from '../../../src/core/xlsx/export-run'
import type { ExportOptions, ExportSummary } from '../../../src/core/xlsx/export-types'
import { arraySource } from '../../../src/core/xlsx/job-source'

export async function exportLookupsInThread(jobs: readonly Job[], outPath: string, opts: ExportOptions): Promise<ExportSummary> {
  const { plan, counts } = planExport(jobs, outPath, opts)
  let neutralized = 0
  const { bytes } = await writeAtomically(outPath, async (stream, aborted) => {
    ;({ neutralized } = await runExport(stream, arraySource(jobs), plan, { aborted, onProgress: opts.onProgress }))
  })
  return exportSummary(outPath, plan, counts, neutralized, bytes)
}
