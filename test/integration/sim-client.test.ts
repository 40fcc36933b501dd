/** The real Juhe client (over node:http) against the simulator: the two must agree on the wire format. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createNodeHttp, type NodeHttp } from '../../src/core/http/node-http'
import { createJuheClient } from '../../src/core/juhe/client'
import type { JuheClient } from '../../src/core/juhe/types'
import { EXAMPLE_COMPANY, sampleKeywords } from '../../src/sim/dataset'
import { startSimulator, type Simulator } from '../../src/sim/server'

let sim: Simulator
let http: NodeHttp
let client: JuheClient
let key = 'test-key'

beforeAll(async () => {
  sim = await startSimulator({ timeScale: 1, completion: 60_000 })
  http = createNodeHttp()
  client = createJuheClient({ http, baseUrl: () => sim.url, key: () => key, timeoutMs: 300 })
})

afterAll(async () => {
  http.close()
  await sim.close()
})

describe('JuheClient x simulator', () => {
  it('submits, sees the job running, then gets the company; the key stays out of URLs', async () => {
    const submitted = await client.submit(EXAMPLE_COMPANY.name)
    expect(submitted.type).toBe('accepted')
    const jobid = submitted.type === 'accepted' ? submitted.jobid : ''
    expect(await client.fetchResult(jobid)).toEqual({ type: 'pending' })
    sim.advanceTime(60_000)
    const done = await client.fetchResult(jobid)
    expect(done.type).toBe('done')
    if (done.type === 'done') expect(done.company).toEqual(EXAMPLE_COMPANY)
    expect(sim.stats().keyInUrl).toBe(0)
  })

  it('maps no-result and error codes', async () => {
    const unknown = await client.submit(sampleKeywords(sim.dataset).unknownCreditNos[0]!)
    if (unknown.type !== 'accepted') throw new Error('expected accepted')
    sim.advanceTime(60_000)
    expect(await client.fetchResult(unknown.jobid)).toEqual({ type: 'no_result' })

    sim.injectFault('query', { type: 'code', code: 10011 })
    const limited = await client.submit(EXAMPLE_COMPANY.name)
    expect(limited.type === 'error' && limited.error.action).toBe('cooldown')

    sim.setKeyBehaviour('test-key', 10012)
    const quota = await client.submit(EXAMPLE_COMPANY.name)
    expect(quota.type === 'error' && quota.error.action).toBe('stop_submit')
    sim.setKeyBehaviour('test-key', 'ok')

    key = 'wrong-key'
    const bad = await client.submit(EXAMPLE_COMPANY.name)
    expect(bad.type === 'error' && bad.error.action).toBe('pause_key')
    key = 'test-key'
  })

  it('treats lost answers to charged calls as uncertain', async () => {
    for (const fault of [{ type: 'reset' }, { type: 'truncated' }, { type: 'hang' }, { type: 'html' }] as const) {
      sim.injectFault('query', fault)
      const out = await client.submit(EXAMPLE_COMPANY.name)
      expect(out.type === 'error' && out.error.action, fault.type).toBe('uncertain')
    }
  })

  it('retries free polls after transient faults', async () => {
    const submitted = await client.submit(EXAMPLE_COMPANY.name)
    if (submitted.type !== 'accepted') throw new Error('expected accepted')
    sim.advanceTime(60_000)
    for (const fault of [{ type: 'http', status: 502 }, { type: 'html' }, { type: 'truncated' }] as const) {
      sim.injectFault('result', fault)
      const out = await client.fetchResult(submitted.jobid)
      expect(out.type === 'error' && out.error.action, fault.type).toBe('retry')
    }
    expect((await client.fetchResult(submitted.jobid)).type).toBe('done')
  })
})
