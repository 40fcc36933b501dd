import { render, type Lang, type MessageData } from '../shared/messages'

/** Where the CLI reads and writes; replaced in tests. */
export interface CliIo {
  out(text: string): void
  err(text: string): void
  /** True when a person is at the terminal (prompts and the progress bar are allowed). */
  interactive: boolean
  /** Rewrites the current terminal line (progress bar); only called when interactive. */
  status(text: string): void
  confirm(question: string): Promise<boolean>
  env: NodeJS.ProcessEnv
  /** The language chosen with --lang; absent: the locale's (lang.ts). */
  lang?: Lang
  /** Resolves when the user asks to stop (Ctrl-C). */
  onInterrupt(handler: () => void): () => void
}

export function processIo(): CliIo {
  // `microent list | head -1`: once the reader has gone, further output is dropped and the command ends normally
  // (releasing the data folder), instead of dying on an unhandled EPIPE.
  let readerGone = false
  let errReaderGone = false
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err
    readerGone = true
  })
  process.stderr.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err
    errReaderGone = true
  })
  return {
    out: (t) => {
      if (!readerGone) process.stdout.write(t.endsWith('\n') ? t : t + '\n')
    },
    err: (t) => {
      if (!errReaderGone) process.stderr.write(t.endsWith('\n') ? t : t + '\n')
    },
    // stdout first: when it is not a terminal, stdin (a stream Node sets up on first use) is never touched.
    interactive: Boolean(process.stdout.isTTY && process.stdin.isTTY),
    status: (t) => {
      if (!readerGone) process.stdout.write(`\r\x1b[2K${t}`)
    },
    async confirm(question) {
      // Loaded when a question is asked: most runs never ask, and start without readline (README > Performance).
      const { createInterface } = await import('node:readline/promises')
      const rl = createInterface({ input: process.stdin, output: process.stdout })
      try {
        const answer = await rl.question(`${question} [y/N] `)
        return /^(y|yes|是)$/i.test(answer.trim())
      } finally {
        rl.close()
      }
    },
    env: process.env,
    onInterrupt(handler) {
      process.on('SIGINT', handler)
      process.on('SIGTERM', handler)
      return () => {
        process.off('SIGINT', handler)
        process.off('SIGTERM', handler)
      }
    },
  }
}

/** Exit codes are part of the interface. */
export const EXIT = { OK: 0, FAILURE: 1, USAGE: 2, KEY: 3 } as const

/** A command's refusal: a catalogue message is said in the CLI's language (main.ts); a string is said as it is. */
export class CliError extends Error {
  readonly text: MessageData | null
  constructor(
    readonly exitCode: number,
    message: string | MessageData,
  ) {
    super(typeof message === 'string' ? message : render(message, 'en'))
    this.text = typeof message === 'string' ? null : message
  }
}
