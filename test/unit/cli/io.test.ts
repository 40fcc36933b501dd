import { afterEach, describe, expect, it, vi } from 'vitest'
import { CliError, EXIT, processIo } from '../../../src/cli/io'

const readline = vi.hoisted(() => ({ answer: '', closed: 0, asked: [] as string[] }))
vi.mock('node:readline/promises', () => ({
  createInterface: () => ({
    question: async (q: string) => (readline.asked.push(q), readline.answer),
    close: () => void readline.closed++,
  }),
}))

// processIo() listens for errors on the process streams: those listeners go after each test, the runner's stay.
const streams = [process.stdout, process.stderr]
const runnerListeners = streams.map((s) => s.listeners('error'))
afterEach(() => {
  vi.restoreAllMocks()
  streams.forEach((s, i) => {
    for (const l of s.listeners('error')) if (!runnerListeners[i]!.includes(l)) s.off('error', l as (...a: unknown[]) => void)
  })
})

function capture() {
  const out: string[] = []
  const err: string[] = []
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (out.push(String(chunk)), true))
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (err.push(String(chunk)), true))
  return { out, err }
}

describe('exit codes and CliError', () => {
  it('keeps the documented exit codes', () => {
    expect(EXIT).toEqual({ OK: 0, FAILURE: 1, USAGE: 2, KEY: 3 })
  })

  it('carries its exit code with its message', () => {
    const e = new CliError(EXIT.KEY, 'no key')
    expect(e).toBeInstanceOf(Error)
    expect([e.exitCode, e.message]).toEqual([3, 'no key'])
  })
})

describe('processIo', () => {
  it('ends every line written with one newline, on stdout and stderr', () => {
    const { out, err } = capture()
    const io = processIo()
    io.out('a')
    io.out('b\n')
    io.err('c')
    expect(out).toEqual(['a\n', 'b\n'])
    expect(err).toEqual(['c\n'])
  })

  it('rewrites the terminal line for the progress bar', () => {
    const { out } = capture()
    processIo().status('12/40')
    expect(out).toEqual(['\r\x1b[2K12/40'])
  })

  it('drops further output once the reader has gone (EPIPE), and fails on any other stream error', () => {
    const { out, err } = capture()
    const io = processIo()
    process.stdout.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }))
    io.out('lost')
    io.status('lost')
    io.err('still said')
    expect(out).toEqual([])
    expect(err).toEqual(['still said\n'])
    process.stderr.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }))
    io.err('lost too')
    expect(err).toEqual(['still said\n'])
    expect(() => process.stdout.emit('error', Object.assign(new Error('EIO'), { code: 'EIO' }))).toThrow('EIO')
  })

  it('takes y, yes or 是 as consent, anything else as no, and closes the prompt', async () => {
    capture()
    const io = processIo()
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
    expect(processIo().env).toBe(process.env)
  })
})
