import { parseArgs } from 'node:util'
import { RESUBMITTABLE, type JobStatus } from '../../shared/domain/job'
import { formatYuan } from '../../shared/domain/money'
import {
  NotFoundError,
  NotResubmittableError,
  TwinRunningError,
  isResubmittableStatus,
  planResubmitByStatus,
  resubmitOne,
  resubmitPlanned,
  type ResubmitPlan,
} from '../../core/use-cases/resubmit'
import type { NodeHost } from '../../core/node-host'
import { withReadHost } from '../context'
import { jobLine } from '../format'
import { CliError, EXIT, type CliIo } from '../io'
import { counted } from '../counted'
import { langOf, say } from '../lang'
import { msg } from '../../shared/messages'

const USAGE = msg('cli.resubmitUsage')

function parseStatuses(text: string): JobStatus[] {
  const statuses = text.split(',').map((s) => s.trim()).filter(Boolean)
  for (const s of statuses) {
    if (!isResubmittableStatus(s)) {
      throw new CliError(EXIT.USAGE, msg('job.statusNotResubmittable', { status: s, allowed: RESUBMITTABLE.join(', ') }))
    }
  }
  if (statuses.length === 0) throw new CliError(EXIT.USAGE, USAGE)
  return statuses as JobStatus[]
}

/** What the bulk resubmit will charge, said before it does. */
function describe(io: CliIo, plan: ResubmitPlan, price: number | null): string {
  const n = plan.send.length
  const amount = formatYuan(n, price)
  const parts = [counted.resubmitPlan(n, amount)]
  const uncertain = plan.send.filter((j) => j.status === 'uncertain').length
  if (uncertain) {
    parts.push(counted.uncertainAmong(uncertain))
  }
  if (plan.sameCompany) parts.push(counted.sameCompany(plan.sameCompany))
  if (plan.twinRunning.length) {
    parts.push(counted.twinRunning(plan.twinRunning.length))
  }
  return parts.map((m) => say(io, m)).join('\n')
}

function resubmitByStatus(host: NodeHost, io: CliIo, statuses: JobStatus[], yes: boolean): number {
  const planned = planResubmitByStatus(host.services, statuses)
  const { plan } = planned
  if (planned.ids.length === 0) {
    io.err(say(io, msg('job.noneWithStatus', { statuses: statuses.join(', ') })))
    return EXIT.OK
  }
  io.err(describe(io, plan, host.settings.get().pricePerCall))
  if (plan.send.length === 0) return EXIT.OK
  if (!yes) {
    io.err(say(io, msg('job.resubmitNeedsYes')))
    return EXIT.USAGE
  }
  for (const job of resubmitPlanned(host.services, planned)) io.out(jobLine(job, langOf(io)))
  return EXIT.OK
}

export async function resubmitCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { yes: { type: 'boolean', short: 'y', default: false }, status: { type: 'string' } },
  })
  const ref = positionals.join(' ')
  if (values.status !== undefined) {
    if (ref) throw new CliError(EXIT.USAGE, USAGE)
    const statuses = parseStatuses(values.status)
    return withReadHost(io, (host) => resubmitByStatus(host, io, statuses, values.yes))
  }
  if (!ref) throw new CliError(EXIT.USAGE, USAGE)
  if (!values.yes) throw new CliError(EXIT.USAGE, msg('job.resubmitOneNeedsYes'))
  return withReadHost(io, (host) => {
    try {
      const job = resubmitOne(host.services, ref)
      io.out(jobLine(job, langOf(io)))
      return EXIT.OK
    } catch (err) {
      if (err instanceof NotFoundError || err instanceof NotResubmittableError || err instanceof TwinRunningError) throw new CliError(EXIT.USAGE, say(io, err.text))
      throw err
    }
  })
}
