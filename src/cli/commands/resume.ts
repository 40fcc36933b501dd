import { rmSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { resolveDataDir } from '../../core/data-dir'
import { requestResume, resumeAnswer } from '../../core/store/resume-request'
import { beijing } from '../format'
import { FolderLockedError, withReadHost } from '../context'
import { EXIT, type CliIo } from '../io'
import { msg } from '../../shared/messages'
import { messageOf } from '../../shared/messages/legacy'
import { say } from '../lang'

/** How long the process holding the folder has to take the request (it looks every second). */
const ANSWER_WITHIN_MS = 5_000

/**
 * `resume`: the user has acted on what holds charged calls (topped up the quota, checked the data). With the data
 * folder free, the kept hold is lifted for the next `run`; while the app or a `run` holds it, that process is asked
 * to resume and does within a second.
 */
export async function resumeCommand(argv: string[], io: CliIo): Promise<number> {
  parseArgs({ args: argv, options: {} })
  try {
    return await withReadHost(io, (host) => {
      const { quota } = host.services.liftUserHolds()
      // The charged-call record's hold (said on stderr when the folder was opened): confirmed by this command too.
      const record = host.services.chargeRecord.confirm()
      if (record) io.err(say(io, msg('run.recordConfirmed')))
      if (!quota && record) return EXIT.OK
      if (!quota) {
        io.err(say(io, msg('run.nothingHeld')))
        return EXIT.OK
      }
      const since = quota.since ? beijing(quota.since) : null
      io.err(say(io, msg('run.quotaLifted', { code: quota.code, since, reason: messageOf(quota) })))
      return EXIT.OK
    })
  } catch (err) {
    if (!(err instanceof FolderLockedError)) throw err
    return askHolder(io, err)
  }
}

async function askHolder(io: CliIo, locked: FolderLockedError): Promise<number> {
  const { app, pid } = locked.holder
  const path = requestResume(resolveDataDir(io.env), `microent CLI ${process.pid}`)
  const deadline = Date.now() + ANSWER_WITHIN_MS
  let answer = resumeAnswer(path)
  while (answer === null && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100))
    answer = resumeAnswer(path)
  }
  rmSync(path, { force: true })
  // `gone`: a holder of an earlier version took the request without saying what it found.
  if (answer === 'gone' || answer?.held) {
    io.err(say(io, msg('run.askedHolder', { app, pid })))
    return EXIT.OK
  }
  if (answer) {
    io.err(say(io, msg('run.holderNothingHeld', { app, pid })))
    return EXIT.OK
  }
  io.err(say(io, msg('cli.holderSilent', { app, pid })))
  return EXIT.FAILURE
}
