/**
 * The CLI's messages that carry a count, as catalogue messages (shared/messages/cli-submit.ts): the English says
 * "1 lookup" and "2 lookups", "is" and "are" (test/unit/cli/counted.test.ts renders every one with 1 and 2).
 */
import { msg, type Message } from '../shared/messages'

export const counted = {
  exported: (n: number, path: string) => msg('cli.exported', { n, path }),
  queued: (n: number, batch: string | null) => msg('cli.queued', { n, batch }),
  staysQueued: (n: number) => msg('cli.staysQueued', { n }),
  notFinal: (seconds: number, n: number) => msg('cli.notFinal', { seconds, n }),
  needsYes: (n: number) => msg('cli.needsYes', { n }),
  confirm: (n: number, amount: string | null) => msg('cli.confirm', { n, amount }),
  /** The caps' split of a batch's charged calls. */
  capSplit: (now: number, later: number, monthly: boolean, until: string) => msg('cli.capSplit', { now, later, monthly, until }),
  resubmitPlan: (n: number, amount: string | null) => msg('cli.resubmitPlan', { n, amount }),
  uncertainAmong: (n: number) => msg('cli.uncertainAmong', { n }),
  sameCompany: (n: number) => msg('cli.sameCompany', { n }),
  twinRunning: (n: number) => msg('cli.twinRunning', { n }),
} satisfies Record<string, (...args: never[]) => Message>
