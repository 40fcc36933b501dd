import { parseArgs } from 'node:util'
import { JOB_STATUSES, type JobStatus } from '../../shared/domain/job'
import { withReadView } from '../context'
import { jobDetails, jobJson, jobLine } from '../format'
import { CliError, EXIT, type CliIo } from '../io'
import { printJson } from '../team'
import { langOf, say } from '../lang'
import { msg } from '../../shared/messages'

export function parseStatuses(value: string | undefined): JobStatus[] | undefined {
  if (!value) return undefined
  const list = value.split(',').map((s) => s.trim())
  for (const s of list) {
    if (!(JOB_STATUSES as readonly string[]).includes(s)) {
      throw new CliError(EXIT.USAGE, msg('job.unknownStatus', { status: s, known: JOB_STATUSES.join(', ') }))
    }
  }
  return list as JobStatus[]
}

export async function listCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { status: { type: 'string' }, json: { type: 'boolean', default: false } } })
  const status = parseStatuses(values.status)
  return withReadView(io, (view) => {
    const jobs = view.list({ status })
    if (values.json) printJson(io, jobs.map((j) => jobJson(j, langOf(io))), 2)
    else if (jobs.length === 0) io.out(say(io, msg('job.noLookups')))
    else for (const j of jobs) io.out(jobLine(j, langOf(io)))
    return EXIT.OK
  })
}

export async function showCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean', default: false } } })
  const ref = positionals.join(' ')
  if (!ref) throw new CliError(EXIT.USAGE, msg('cli.showUsage'))
  return withReadView(io, (view) => {
    const job = view.find(ref)
    if (!job) throw new CliError(EXIT.USAGE, msg('job.notFound', { what: ref }))
    if (values.json) printJson(io, jobJson(job, langOf(io)), 2)
    else io.out(jobDetails(job, langOf(io)))
    return EXIT.OK
  })
}
