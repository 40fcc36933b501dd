import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defaultWorkerUrl, runReaderWorker } from '../../../../src/core/xlsx/worker-run'
import { tempDir } from './helpers'

let tmp: ReturnType<typeof tempDir>
beforeEach(() => {
  tmp = tempDir('worker-run-')
})
afterEach(() => tmp.cleanup())

const input = () => ({ type: 'text' as const, data: new Uint8Array(Buffer.from('企业名称\n甲科技有限公司\n')), ext: '.csv' })
const limits = { timeoutMs: 20_000, memoryMb: 64, workerUrl: defaultWorkerUrl() }

function entry(code: string): string {
  const file = join(tmp.dir, `entry-${Math.random().toString(36).slice(2)}.mjs`)
  writeFileSync(file, code)
  return file
}

describe('runReaderWorker', () => {
  it('reads a file in the worker and brings the sheets back packed', async () => {
    const outcome = await runReaderWorker(input(), { sheetRows: 100 }, limits)
    expect(outcome).toMatchObject({ ok: true, sheetNames: ['Sheet1'], encoding: 'utf-8' })
    if (outcome.ok) expect(outcome.sheets[0]!.packedRows).toBe('["企业名称"]\n["甲科技有限公司"]')
  })

  it('hands over the bytes of a view that owns its buffer, and copies a slice of a larger one', async () => {
    const owned = input()
    await runReaderWorker(owned, { sheetRows: 10 }, limits)
    expect(owned.data.byteLength).toBe(0) // transferred, not cloned
    const big = Buffer.from('xx企业名称\n甲科技有限公司\n')
    const view = { ...input(), data: new Uint8Array(big.buffer, big.byteOffset + 2, big.byteLength - 2) }
    expect(await runReaderWorker(view, { sheetRows: 10 }, limits)).toMatchObject({ ok: true })
    expect(view.data.byteLength).toBe(big.byteLength - 2) // the caller's buffer is intact
  })

  it('gives up on a worker that does not answer in time', async () => {
    const hang = entry('setInterval(() => {}, 1000)\n')
    expect(await runReaderWorker(input(), { sheetRows: 10 }, { ...limits, timeoutMs: 300, workerUrl: hang })).toEqual({ ok: false, code: 'TIMEOUT', detail: '300 ms' })
  })

  it('reports a worker that throws or exits as crashed', async () => {
    const thrower = entry("throw new Error('boom')\n")
    expect(await runReaderWorker(input(), { sheetRows: 10 }, { ...limits, workerUrl: thrower })).toMatchObject({ ok: false, code: 'CRASHED', detail: 'boom' })
    const quitter = entry('process.exit(3)\n')
    expect(await runReaderWorker(input(), { sheetRows: 10 }, { ...limits, workerUrl: quitter })).toMatchObject({ ok: false, code: 'CRASHED' })
  })

  it('says exactly which worker file is missing (a packaging mistake)', () => {
    const gone = join(tmp.dir, 'sheet-reader.mjs')
    expect(() => runReaderWorker(input(), { sheetRows: 10 }, { ...limits, workerUrl: gone })).toThrow(gone)
  })
})
