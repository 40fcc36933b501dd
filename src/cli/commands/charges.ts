import { parseArgs } from 'node:util'
import { withReadView } from '../context'
import { beijing } from '../format'
import { CliError, EXIT, type CliIo } from '../io'
import { printJson } from '../team'
import { say } from '../lang'
import { msg } from '../../shared/messages'

/** `charges [--json] [--limit N]`: the append-only record of charged calls, newest first. */
export async function chargesCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean', default: false }, limit: { type: 'string' } } })
  const limit = values.limit === undefined ? undefined : Number(values.limit)
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) throw new CliError(EXIT.USAGE, msg('cli.limitPositive'))
  return withReadView(io, (view) => {
    const calls = view.charges.calls(limit)
    if (values.json) {
      // The documented shape ({at, jobId, keyword, outcome, jobid, code}, `jobId` ours) keeps its fields in order; lookupId is added.
      const json = calls.map(({ lookupId, ...c }) => ({ at: new Date(c.at).toISOString(), jobId: lookupId, keyword: c.keyword, outcome: c.outcome, jobid: c.jobid, code: c.code, ...(c.sign ? { sign: c.sign } : {}), lookupId }))
      printJson(io, json, 2)
      return EXIT.OK
    }
    const counts = view.charges.counts(Date.now())
    io.out(say(io, msg('cli.chargeCounts', { today: counts.today, month: counts.month, total: counts.total })))
    for (const c of calls) io.out(`${beijing(c.at)}  ${say(io, msg('cli.chargeOutcome', { outcome: c.outcome }))}  ${c.keyword}  ${c.jobid ?? c.code ?? ''}`.trimEnd())
    return EXIT.OK
  })
}
