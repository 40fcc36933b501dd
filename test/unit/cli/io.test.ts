import { describe, expect, it, vi } from 'vitest'
import { EventEmitter } from 'node:events'
import { CliError, EXIT, processIo, type ProcessOutput } from '../../../src/cli/io'

const readline = vi.hoisted(() => ({ answer: '', closed: 0, asked: [] as string[] }))
vi.mock('node:readline/promises', () => ({
  createInterface: () => ({
    question: async (q: string) => (readline.asked.push(q), readline.answer),
    close: () => void readline.closed++,
  }),
}))

/** The process's outputs as processIo sees them: descriptors (1, 2, and 0 for the terminal check) and their streams. */
function fakeOutput(opts: { ttys?: number[]; write?: (fd: number, bytes: Uint8Array) => number } = {}) {
  const raw: Record<number, Buffer> = { 1: Buffer.alloc(0), 2: Buffer.alloc(0) }
  const streamed: Record<number, string[]> = { 1: [], 2: [] }
  const streams = new Map<number, EventEmitter & { write: (t: string | Uint8Array) => boolean }>()
  const use: ProcessOutput = {
    isatty: (fd) => (opts.ttys ?? []).includes(fd),
    writeSync: (fd, bytes) => {
      const n = opts.write ? opts.write(fd, bytes) : bytes.length
      raw[fd] = Buffer.concat([raw[fd]!, bytes.subarray(0, n)])
      return n
    },
    stream: (fd) => {
      if (!streams.has(fd)) streams.set(fd, Object.assign(new EventEmitter(), { write: (t: string | Uint8Array) => (streamed[fd]!.push(Buffer.from(t).toString()), true) }))
      return streams.get(fd) as unknown as NodeJS.WriteStream
    },
  }
  // Decoded as a whole: a pipe may cut a character's bytes apart.
  return {
    use,
    get written() {
      return { 1: raw[1]!.toString(), 2: raw[2]!.toString() }
    },
    streamed,
    stream: (fd: 1 | 2) => use.stream(fd),
  }
}

const errno = (code: string) => Object.assign(new Error(code), { code })

describe('exit codes and CliError', () => {
  it('keeps the documented exit codes', () => {
    expect(EXIT).toEqual({ OK: 0, FAILURE: 1, USAGE: 2, KEY: 3 })
  })

  it('carries its exit code with its message', () => {
    const e = new CliError(EXIT.KEY, 'no key')
    expect(e).toBeInstanceOf(Error)
    expect([e.exitCode, e.message]).toEqual([3, 'no key'])
  })

  it('is recognised from any copy of its module (the bundle builds list and show apart), and nothing else is', () => {
    const fromAnotherCopy = Object.defineProperty(new Error('refused'), Symbol.for('microent.CliError'), { value: true })
    expect([CliError.is(new CliError(EXIT.USAGE, 'x')), CliError.is(fromAnotherCopy)]).toEqual([true, true])
    expect([CliError.is(new Error('x')), CliError.is({ exitCode: 2 }), CliError.is(null)]).toEqual([false, false, false])
  })
})

describe('processIo', () => {
  it('ends every line written with one newline, on stdout and stderr, written to the descriptors of a file or pipe', () => {
    const f = fakeOutput()
    const io = processIo(f.use)
    io.out('a')
    io.out('第 b 行\n')
    io.err('c')
    expect(f.written).toEqual({ 1: 'a\n第 b 行\n', 2: 'c\n' })
    expect(f.streamed).toEqual({ 1: [], 2: [] })
    expect(io.interactive).toBe(false)
  })

  it('writes to a terminal through the process stream, where the progress bar rewrites the line', () => {
    const f = fakeOutput({ ttys: [0, 1, 2] })
    const io = processIo(f.use)
    io.out('a')
    io.status('12/40')
    io.err('c')
    expect(f.streamed).toEqual({ 1: ['a\n', '\r\x1b[2K12/40'], 2: ['c\n'] })
    expect(f.written).toEqual({ 1: '', 2: '' })
    expect(io.interactive).toBe(true)
  })

  it('is interactive only when both stdout and stdin are terminals', () => {
    expect(processIo(fakeOutput({ ttys: [1, 2] }).use).interactive).toBe(false)
    expect(processIo(fakeOutput({ ttys: [0, 2] }).use).interactive).toBe(false)
  })

  it('keeps writing what a pipe took only in part, byte for byte', () => {
    const f = fakeOutput({ write: (_fd, bytes) => Math.min(bytes.length, 4) })
    processIo(f.use).out('甲乙丙 and more')
    expect(f.written[1]).toBe('甲乙丙 and more\n')
  })

  it('hands what the descriptor refuses (non-blocking, reader gone, no console) to the process stream, and every later write', () => {
    for (const code of ['EAGAIN', 'EPIPE', 'EBADF']) {
      let calls = 0
      const f = fakeOutput({
        write: (_fd, bytes) => {
          if (++calls === 2) throw errno(code)
          return Math.min(bytes.length, 3)
        },
      })
      const io = processIo(f.use)
      io.out('abcdef')
      io.out('next')
      expect([f.written[1], f.streamed[1]], code).toEqual(['abc', ['def\n', 'next\n']])
    }
  })

  it('drops further output once the reader of the stream has gone (EPIPE), and fails on any other stream error', () => {
    const f = fakeOutput({ ttys: [1, 2] })
    const io = processIo(f.use)
    f.stream(1).emit('error', errno('EPIPE'))
    io.out('lost')
    io.err('still said')
    expect(f.streamed).toEqual({ 1: [], 2: ['still said\n'] })
    f.stream(2).emit('error', errno('EPIPE'))
    io.err('lost too')
    expect(f.streamed[2]).toEqual(['still said\n'])
    expect(() => f.stream(1).emit('error', errno('EIO'))).toThrow('EIO')
  })

  it('takes y, yes or 是 as consent, anything else as no, and closes the prompt', async () => {
    const io = processIo(fakeOutput().use)
    for (const [answer, yes] of [['y', true], [' YES ', true], ['是', true], ['n', false], ['', false], ['yes please', false]] as const) {
      readline.answer = answer
      expect(await io.confirm('Charge 3 calls?')).toBe(yes)
    }
    expect(readline.asked[0]).toBe('Charge 3 calls? [y/N] ')
    expect(readline.closed).toBe(6)
  })

  it('calls the handler on SIGINT and SIGTERM until it is removed', () => {
    const calls: number[] = []
    const before = [process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]
    const off = processIo().onInterrupt(() => calls.push(1))
    process.emit('SIGINT')
    process.emit('SIGTERM')
    off()
    expect(calls).toHaveLength(2)
    expect([process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]).toEqual(before)
  })

  it('uses the process environment', () => {
    expect(processIo(fakeOutput().use).env).toBe(process.env)
  })
})
