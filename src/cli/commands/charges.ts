import { parseArgs } from 'node:util'
import { withReadView } from '../context'
import { beijing } from '../format'
import { CliError, EXIT, type CliIo } from '../io'

const OUTCOME_LABELS: Record<string, string> = {
  accepted: '已受理（已收费）',
  rejected: '被拒绝（未收费）',
  uncertain: '结果未知（可能已收费）',
  not_sent: '未发出（未收费）',
  pending: '进行中或程序中断',
}

/** `charges [--json] [--limit N]`: the append-only record of charged calls, newest first. */
export async function chargesCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean', default: false }, limit: { type: 'string' } } })
  const limit = values.limit === undefined ? undefined : Number(values.limit)
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) throw new CliError(EXIT.USAGE, '--limit 需要正整数 / --limit takes a positive whole number')
  return withReadView(io, (view) => {
    const calls = view.charges.calls(limit)
    if (values.json) {
      io.out(JSON.stringify(calls.map((c) => ({ ...c, at: new Date(c.at).toISOString() })), null, 2))
      return EXIT.OK
    }
    const counts = view.charges.counts(Date.now())
    io.out(`今日 ${counts.today} 次，本月 ${counts.month} 次，共 ${counts.total} 次（含结果未知）/ today ${counts.today}, this month ${counts.month}, total ${counts.total} (uncertain included)`)
    for (const c of calls) io.out(`${beijing(c.at)}  ${OUTCOME_LABELS[c.outcome] ?? c.outcome}  ${c.keyword}  ${c.jobid ?? c.code ?? ''}`.trimEnd())
    return EXIT.OK
  })
}
