import { parseArgs } from 'node:util'
import { NotFoundError, NotResubmittableError, TwinRunningError } from '../../main/core/jobs/lookup-service'
import { withReadHost } from '../context'
import { jobLine } from '../format'
import { CliError, EXIT, type CliIo } from '../io'

export async function resubmitCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { yes: { type: 'boolean', short: 'y', default: false } } })
  const ref = positionals.join(' ')
  if (!ref) throw new CliError(EXIT.USAGE, '用法 usage: microent resubmit <jobid|keyword> --yes')
  if (!values.yes) throw new CliError(EXIT.USAGE, '重新提交会再次收费，请加 --yes 确认 / Resubmitting is a new charged call: confirm with --yes')
  return withReadHost(io, (host) => {
    try {
      const job = host.services.lookups.resubmit(ref)
      io.out(jobLine(job))
      return EXIT.OK
    } catch (err) {
      if (err instanceof NotFoundError || err instanceof NotResubmittableError || err instanceof TwinRunningError) throw new CliError(EXIT.USAGE, err.message)
      throw err
    }
  })
}
