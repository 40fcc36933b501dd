/**
 * Captures what the process writes to stdout and stderr, both ways the CLI writes (src/cli/io.ts): through the
 * process streams, and straight to descriptors 1 and 2 with fs.writeSync (a file or pipe). The fs function is
 * replaced on node:fs itself and the ESM bindings synced (node:module's syncBuiltinESMExports), so modules that
 * imported `writeSync` by name, built ones included, write here too; every other descriptor still writes.
 */
import fs from 'node:fs'
import { syncBuiltinESMExports } from 'node:module'
import { vi } from 'vitest'

export interface CapturedOutput {
  out: string[]
  err: string[]
  restore(): void
}

export function captureProcessOutput(): CapturedOutput {
  const out: string[] = []
  const err: string[] = []
  const into = (fd: number) => (fd === 1 ? out : fd === 2 ? err : null)
  // Written, then the callback (the CLI waits for the streams to drain before it exits).
  const stream = (to: string[]) =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      to.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'))
      ;(rest.find((r) => typeof r === 'function') as (() => void) | undefined)?.()
      return true
    }) as typeof process.stdout.write
  const spies = [vi.spyOn(process.stdout, 'write').mockImplementation(stream(out)), vi.spyOn(process.stderr, 'write').mockImplementation(stream(err))]
  const original = fs.writeSync
  const writeSync = ((fd: number, data: string | NodeJS.ArrayBufferView, ...rest: unknown[]) => {
    const to = into(fd)
    if (!to) return (original as (...a: unknown[]) => number)(fd, data, ...rest)
    const text = typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8')
    to.push(text)
    return typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength
  }) as typeof fs.writeSync
  fs.writeSync = writeSync
  syncBuiltinESMExports()
  return {
    out,
    err,
    restore() {
      for (const s of spies) s.mockRestore()
      fs.writeSync = original
      syncBuiltinESMExports()
    },
  }
}
