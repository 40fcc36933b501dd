import { parseArgs } from 'node:util'
import { readFileSync } from 'node:fs'
import { withReadView } from '../context'
import { CliError, EXIT, type CliIo } from '../io'
import { counted } from '../counted'
import { parseStatuses } from './query'
import { exportSelection } from '../../core/use-cases/export-selection'
import { say } from '../lang'
import { exportBatchCommand } from './export-batch'

function appVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }
  return pkg.version
}

export async function exportCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { status: { type: 'string' }, batch: { type: 'string' }, changes: { type: 'boolean', default: false } } })
  const out = positionals[0]
  if (!out) throw new CliError(EXIT.USAGE, '用法 usage: microent export <out.xlsx|out.csv> [--status S]')
  if (!/\.(xlsx|csv)$/i.test(out)) {
    throw new CliError(EXIT.USAGE, `只能导出为 .xlsx 或 .csv：${out} / Export writes .xlsx or .csv only: ${out}\n用法 usage: microent export <out.xlsx|out.csv> [--status S]`)
  }
  if (values.batch !== undefined) return exportBatchCommand(io, out, values.batch)
  const status = parseStatuses(values.status)
  const { ExportError } = await import('../../core/xlsx/export')
  return withReadView(io, async (view) => {
    try {
      const { rows } = await exportSelection({ lookups: view.list(), batches: view.batches() }, { filter: { status } }, out, { appVersion: appVersion(), now: Date.now(), includeChanges: values.changes })
      io.err(counted.exported(rows, out))
      return EXIT.OK
    } catch (err) {
      if (err instanceof ExportError) throw new CliError(EXIT.FAILURE, say(io, err.text))
      throw err
    }
  })
}
