import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { launchWorker, missingWorkerFile, workerUrl } from '../../../../src/core/xlsx/worker-launch'
import { tempDir } from './helpers'

let tmp: ReturnType<typeof tempDir>
beforeEach(() => {
  tmp = tempDir('worker-launch-')
})
afterEach(() => tmp.cleanup())

/** Runs a worker entry and returns its first message. */
function firstMessage(url: URL, workerData: unknown, memoryMb = 64): Promise<unknown> {
  const worker = launchWorker(url, { workerData, memoryMb, youngMb: 8 })
  return new Promise((resolve, reject) => {
    worker.once('message', (m) => {
      resolve(m)
      void worker.terminate()
    })
    worker.once('error', reject)
  })
}

const ENTRY = `import { parentPort, workerData } from 'node:worker_threads'
import { getHeapStatistics } from 'node:v8'
const heapMb = Math.round(getHeapStatistics().heap_size_limit / 1024 / 1024)
parentPort.postMessage({ echo: workerData, heapMb })
`

describe('workerUrl', () => {
  it('takes a URL as it is, a file URL string as a URL, and a path as a file URL', () => {
    const url = new URL('file:///x/y.mjs')
    expect(workerUrl(url)).toBe(url)
    expect(workerUrl('file:///x/y.mjs').href).toBe('file:///x/y.mjs')
    expect(workerUrl('/x/y z.mjs').href).toBe(pathToFileURL('/x/y z.mjs').href)
  })
})

describe('missingWorkerFile', () => {
  it('names a file entry that does not exist, and checks nothing else', () => {
    const there = join(tmp.dir, 'entry.mjs')
    writeFileSync(there, '')
    expect(missingWorkerFile(pathToFileURL(there))).toBeNull()
    expect(missingWorkerFile(pathToFileURL(join(tmp.dir, 'gone.mjs')))).toBe(join(tmp.dir, 'gone.mjs'))
    expect(missingWorkerFile(new URL('data:text/javascript,1'))).toBeNull()
  })
})

describe('launchWorker', () => {
  it('starts a JavaScript entry with its data and a capped heap', async () => {
    const entry = join(tmp.dir, 'entry.mjs')
    writeFileSync(entry, ENTRY)
    const reply = (await firstMessage(pathToFileURL(entry), { n: 1 }, 48)) as { echo: unknown; heapMb: number }
    expect(reply.echo).toEqual({ n: 1 })
    expect(reply.heapMb).toBeLessThan(200) // the default is far bigger (≥ 2 GB on 64-bit)
  })

  it('starts a TypeScript entry from source (through tsx)', async () => {
    const entry = join(tmp.dir, 'entry.mts')
    writeFileSync(entry, `${ENTRY.replace('workerData, heapMb }', 'workerData as { n: number }, heapMb }')}\n// An enum: Node's own type stripping cannot run it, tsx can.\nenum Kind { A }\nvoid Kind.A\n`)
    const reply = (await firstMessage(pathToFileURL(entry), { n: 2 })) as { echo: unknown }
    expect(reply.echo).toEqual({ n: 2 })
  })
})
