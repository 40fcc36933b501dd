import { fstatSync, writeSync } from 'node:fs'
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

/** What processIo writes with; replaced in tests. */
export interface ProcessOutput {
  isatty(fd: number): boolean
  /** Writes some of the bytes (a pipe may take fewer than given); returns how many. */
  writeSync(fd: number, bytes: Uint8Array): number
  stream(fd: 1 | 2): NodeJS.WriteStream
}

const processOutput: ProcessOutput = {
  // node:tty loads the network stack (net, streams): asked only of a character device, which a file or a pipe is not.
  isatty: (fd) => {
    try {
      return fstatSync(fd).isCharacterDevice() && process.getBuiltinModule('node:tty').isatty(fd)
    } catch {
      return false
    }
  },
  writeSync: (fd, bytes) => writeSync(fd, bytes),
  stream: (fd) => (fd === 1 ? process.stdout : process.stderr),
}

/**
 * One output of the process (1: stdout, 2: stderr). To a file or a pipe it writes straight to the descriptor:
 * process.stdout would first set up Node's stream machinery (~2 ms of every start, README > Performance) to write
 * the same bytes as synchronously. A terminal, or any write the descriptor refuses, goes through the process
 * stream, which then takes every later write so the order holds. Once the stream's reader has gone (EPIPE),
 * further output is dropped: `microent list | head -1` ends normally (releasing the data folder) instead of dying
 * on an unhandled EPIPE.
 */
function output(fd: 1 | 2, use: ProcessOutput): (text: string) => void {
  let gone = false
  let stream: NodeJS.WriteStream | null = null
  const toStream = () => {
    stream = use.stream(fd)
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err
      gone = true
    })
    return stream
  }
  if (use.isatty(fd)) toStream()
  return (text) => {
    if (gone) return
    if (stream) {
      stream.write(text)
      return
    }
    const bytes = Buffer.from(text)
    let done = 0
    try {
      while (done < bytes.length) done += use.writeSync(fd, bytes.subarray(done))
    } catch {
      // What the descriptor refused (EAGAIN: left non-blocking by another program; EPIPE: the reader has gone;
      // EBADF: no console) the process stream handles as it always has, from here on.
      toStream().write(bytes.subarray(done))
    }
  }
}

export function processIo(use: ProcessOutput = processOutput): CliIo {
  const stdout = output(1, use)
  const stderr = output(2, use)
  const interactive = use.isatty(1) && use.isatty(0)
  return {
    out: (t) => stdout(t.endsWith('\n') ? t : t + '\n'),
    err: (t) => stderr(t.endsWith('\n') ? t : t + '\n'),
    // Asked of the descriptors: process.stdin is a stream Node sets up on first use.
    interactive,
    status: (t) => stdout(`\r\x1b[2K${t}`),
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

const CLI_ERROR = Symbol.for('microent.CliError')

/** A command's refusal: a catalogue message is said in the CLI's language (main.ts); a string is said as it is. */
export class CliError extends Error {
  readonly text: MessageData | null
  constructor(
    readonly exitCode: number,
    message: string | MessageData,
  ) {
    super(typeof message === 'string' ? message : render(message, 'en'))
    this.text = typeof message === 'string' ? null : message
    Object.defineProperty(this, CLI_ERROR, { value: true })
  }

  /**
   * True for a CliError made by any copy of this module: the CLI bundle runs `list` and `show` from a file built
   * apart (scripts/build-cli.mjs), with its own copy of this class.
   */
  static is(err: unknown): err is CliError {
    return err instanceof Error && CLI_ERROR in err
  }
}
