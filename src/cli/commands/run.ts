import { parseArgs } from 'node:util'
import type { ChargedCallHold, EngineState } from '../../shared/domain/engine'
import type { Job } from '../../shared/domain/job'
import { isFinal } from '../../shared/domain/job'
import { withReadHost } from '../context'
import { beijing, jobLine } from '../format'
import { chargedHoldKey, chargedHoldLine } from '../charged-hold'
import { CliError, EXIT, type CliIo } from '../io'
import { counted } from '../counted'
import { notStarted, RunTally, summaryLine, type RunStop } from '../run-summary'
import { existsSync } from 'node:fs'
import { resolveDataDir, timeScaleFromEnv } from '../../core/data-dir'
import { openReadView } from '../../core/read-view'
import { recoveryLines } from '../recovery-report'
import { langOf, say } from '../lang'
import { modeLine, printJson } from '../team'
import { msg, render, type Lang, type Message } from '../../shared/messages'

function progressBar(jobs: Job[], state: EngineState, lang: Lang): string {
  const total = jobs.length
  const final = jobs.filter((j) => isFinal(j.status)).length
  const width = 24
  const filled = total ? Math.round((final / total) * width) : width
  const counts = new Map<string, number>()
  for (const j of jobs) counts.set(j.status, (counts.get(j.status) ?? 0) + 1)
  const parts = [...counts].map(([s, n]) => `${render(msg('cli.status', { status: s as Job['status'] }), lang)} ${n}`).join(' ')
  const engine = state.status === 'running' ? '' : ` [${state.status}${state.pause ? ': ' + state.pause.reason : ''}]`
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${final}/${total} ${parts}${engine}`
}

function engineLine(state: EngineState): Message {
  if (state.status === 'offline') return msg('run.engineOffline', { next: state.nextProbeAt !== null ? beijing(state.nextProbeAt) : null })
  return msg('run.engineState', { status: state.status, pause: state.pause?.text ?? null })
}

/** The lookups not final in the data folder, read without its lock or any write; 0 when there is no folder to read. */
async function pendingNow(io: CliIo): Promise<number> {
  const dataDir = resolveDataDir(io.env)
  if (!existsSync(dataDir)) return 0
  try {
    return (await openReadView({ dataDir, timeScale: timeScaleFromEnv(io.env) })).pendingJobs().length
  } catch {
    return 0 // unreadable: the key is what is said; the next run with a key says what is wrong with the folder
  }
}

/**
 * `run [--until-done] [--max-wait S] [--json]`: says what the start recovered, runs, and ends with a summary on
 * stderr (with --json also as one object on stdout: run-summary.ts). Exit 0 when all final, 1 when --max-wait
 * passed first or when only queued lookups are left while new charged calls are held (quota used up, daily or
 * monthly cap), 3 on a key error.
 */
export async function runCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { 'until-done': { type: 'boolean', default: false }, 'max-wait': { type: 'string' }, json: { type: 'boolean', default: false } },
  })
  const maxWait = values['max-wait'] !== undefined ? Number(values['max-wait']) : null
  if (maxWait !== null && !(Number.isFinite(maxWait) && maxWait > 0)) throw new CliError(EXIT.USAGE, msg('run.maxWaitPositive'))
  if (!io.env.JUHE_KEY?.trim()) {
    // A script reading --json gets the documented object even so (stop "key", exit 3), not an empty stdout.
    if (values.json) printJson(io, notStarted(await pendingNow(io), 'key', EXIT.KEY))
    throw new CliError(EXIT.KEY, msg('run.noKeyEnv'))
  }

  // Nothing to run in a folder that does not exist: a mistyped MICROENT_DATA_DIR is refused, not created.
  return withReadHost(io, async (host) => {
    const { services } = host
    const tracked = new Set(services.reads.pending().map((j) => j.id))
    // What the start found (resumed, uncertain, expired while closed, rebuilt), before anything runs.
    const report = services.recoveryReport()
    for (const line of recoveryLines(langOf(io), report)) io.err(line)
    // Then which mode this run is in (stderr: stdout carries the lookups, or with --json the summary alone).
    io.err(say(io, modeLine(io.env)))
    const tally = new RunTally(() => services.charges.entries())
    const statusOf = new Map(services.reads.pending().map((j) => [j.id, j.status]))
    // With --json stdout carries the summary object alone; the per-lookup lines go to stderr.
    const lookupLine = values.json ? io.err : io.out
    return await new Promise<number>((resolve) => {
      let finished = false
      const end = (code: number, stop: RunStop) => {
        if (finished) return
        finished = true
        stopInterrupt()
        if (maxTimer) clearTimeout(maxTimer)
        if (io.interactive) io.out('')
        // The calls in flight finish first, so the summary counts them (a charged call accepted as Ctrl-C came).
        void services.engine.stop().then(() => {
          unsubscribe()
          const summary = tally.summary(services.reads.pending().length, stop, code, report)
          io.err(say(io, summaryLine(summary)))
          if (values.json) printJson(io, summary)
          resolve(code)
        })
      }
      const jobsNow = () => [...tracked].map((id) => services.reads.get(id)).filter((j): j is Job => j !== undefined)
      let heldFor: string | null = null
      let breaker: ChargedCallHold | null = null
      let lastSaid = 'running|'
      const check = () => {
        // Events can still arrive while the end is being written: nothing more is said then.
        if (finished) return
        const state = services.engine.state()
        if (io.interactive) io.status(progressBar(jobsNow(), state, langOf(io)))
        // New charged calls held (free polls go on): said once, and with --until-done the end when nothing else can move.
        const hold = state.submitHold
        // Said again when what it says changes (a team database first connecting, then not answering).
        const holdKey = hold ? `${hold.reason}|${hold.text.code}` : null
        if (hold && holdKey !== heldFor) {
          // The quota's table text speaks of the window's Resume button; the CLI says what to do in a terminal.
          io.err(say(io, hold.reason === 'quota' ? msg('run.quotaHeld', { code: hold.code }) : msg('run.held', { code: hold.code, reason: hold.text })))
        }
        heldFor = holdKey
        // Charged calls held because the server failed one, and each check of the server (free calls).
        if (chargedHoldKey(state.chargedCalls) !== chargedHoldKey(breaker)) {
          const line = chargedHoldLine(state.chargedCalls, breaker)
          if (line) io.err(say(io, line))
        }
        breaker = state.chargedCalls ?? null
        const pending = services.reads.pending()
        // A team database that does not answer (yet: a desk starts so until its first connection) is waited for, as
        // an offline API is: it comes back by itself, unlike a quota or a cap. --max-wait bounds the wait.
        // A desk name another installation has is the user's to change (renamed), like a quota.
        const waitsForUser = hold ? hold.reason !== 'team_offline' || hold.code === 'TEAM_DESK_TAKEN' : false
        if (waitsForUser && values['until-done'] && pending.length > 0 && pending.every((j) => j.status === 'queued')) {
          io.err(say(io, counted.staysQueued(pending.length)))
          return end(EXIT.FAILURE, 'held')
        }
        if (state.status === 'paused' && state.pause?.reason === 'key') {
          io.err(say(io, state.pause.text))
          // The message is the app's (Settings, Resume); here the key and the address come from the environment.
          io.err(say(io, msg('run.checkKeyEnv')))
          return end(EXIT.KEY, 'key')
        }
        if (state.status === 'paused' && (state.pause?.reason === 'disabled' || state.pause?.reason === 'recovery')) {
          io.err(say(io, state.pause.text))
          return end(EXIT.FAILURE, 'paused')
        }
        if (values['until-done'] && services.reads.pending().length === 0) end(EXIT.OK, 'done')
      }
      const unsubscribe = services.on((e) => {
        if (e.type === 'lookups:updated') {
          tracked.add(e.job.id)
          tally.saw(e.job, statusOf.get(e.job.id))
          statusOf.set(e.job.id, e.job.status)
          if (!io.interactive && isFinal(e.job.status)) lookupLine(jobLine(e.job, langOf(io)))
          if (!io.interactive && e.job.status === 'polling' && e.job.polls === 0) lookupLine(jobLine(e.job, langOf(io)))
        }
        if (e.type === 'engine:state' && !io.interactive) {
          // Once per change (an offline engine announces every probe), with why.
          const said = `${e.state.status}|${e.state.pause?.reason ?? ''}`
          if (said !== lastSaid && e.state.status !== 'running') io.err(say(io, engineLine(e.state)))
          lastSaid = said
        }
        check()
      })
      const stopInterrupt = io.onInterrupt(() => {
        io.err(say(io, msg('run.stopping')))
        end(EXIT.OK, 'interrupted')
      })
      const maxTimer =
        maxWait !== null
          ? setTimeout(() => {
              const left = services.reads.pending().length
              if (left) io.err(say(io, counted.notFinal(maxWait, left)))
              end(left ? EXIT.FAILURE : EXIT.OK, left ? 'max_wait' : 'done')
            }, maxWait * 1000)
          : null
      services.start()
      check()
    })
  })
}
