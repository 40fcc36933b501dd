import { parseArgs } from 'node:util'
import { withReadView } from '../context'
import { CliError, EXIT, type CliIo } from '../io'
import { appVersion } from '../provenance'
import { counted } from '../counted'
import { parseStatuses } from './query'
import { exportSelection } from '../../core/use-cases/export-selection'
import { say } from '../lang'
import { msg } from '../../shared/messages'
import { exportBatchCommand } from './export-batch'
import { deskOf } from '../team'

export async function exportCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { status: { type: 'string' }, batch: { type: 'string' }, changes: { type: 'boolean', default: false } } })
  const out = positionals[0]
  if (!out) throw new CliError(EXIT.USAGE, msg('cli.exportUsage'))
  if (!/\.(xlsx|csv)$/i.test(out)) {
    throw new CliError(EXIT.USAGE, msg('cli.exportBadExt', { path: out }))
  }
  if (values.batch !== undefined) return exportBatchCommand(io, out, values.batch)
  const status = parseStatuses(values.status)
  const { ExportError } = await import('../../core/xlsx/export')
  return withReadView(io, async (view) => {
    try {
      // Team mode (MICROENT_DATABASE_URL): 查询桌面 and this desk on 说明, as the window's export.
      const desk = deskOf(io.env)
      const opts = { appVersion: appVersion(), now: Date.now(), includeChanges: values.changes, ...(desk !== null ? { desk } : {}) }
      const { rows } = await exportSelection({ lookups: view.list(), batches: view.batches() }, { filter: { status } }, out, opts)
      io.err(say(io, counted.exported(rows, out)))
      return EXIT.OK
    } catch (err) {
      if (err instanceof ExportError) throw new CliError(EXIT.FAILURE, say(io, err.text))
      throw err
    }
  })
}
