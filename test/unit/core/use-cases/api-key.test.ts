import { describe, expect, it } from 'vitest'
import { PROBE_JOBID } from '../../../../src/core/jobs/engine-contract'
import type { PollOutcome } from '../../../../src/core/juhe/types'
import { keyChanged, verifyKey } from '../../../../src/core/use-cases/api-key'
import { apiError, netError } from '../../../helpers/engine-harness'
import type { EngineState } from '../../../../src/shared/domain/engine'
import { render } from '../../../../src/shared/messages'

function client(answer: PollOutcome) {
  const asked: string[] = []
  return { asked, fetchResult: async (jobid: string) => (asked.push(jobid), answer) }
}

describe('verifyKey', () => {
  it('asks nothing without a key', async () => {
    const c = client(apiError(10001, 'poll'))
    expect(await verifyKey({ key: () => null, client: c })).toBeNull()
    expect(c.asked).toEqual([])
  })

  it('asks about a jobid that cannot exist (free): an answer about the jobid means the key was accepted', async () => {
    const c = client(apiError(277702, 'poll'))
    expect(await verifyKey({ key: () => 'k', client: c })).toMatchObject({ ok: true, code: null })
    expect(c.asked).toEqual([PROBE_JOBID])
  })

  it('a refused key is said with its code, without the "lookups are paused" of the engine table (a check pauses nothing)', async () => {
    const r = await verifyKey({ key: () => 'k', client: client(apiError(10001, 'poll')) })
    expect(r).toMatchObject({ ok: false, code: apiError(10001, 'poll').error.code })
    // What the settings page shows, in each language: the key's fault alone.
    const said = { zh: render(r?.text ?? { code: '?' }, 'zh-CN'), en: render(r?.text ?? { code: '?' }, 'en') }
    expect(said.zh).toContain('密钥')
    expect(said.en).toContain('key')
    expect(said.zh).not.toContain('继续')
    expect(said.en).not.toContain('Resume')
  })

  it('a network failure is not a working key', async () => {
    expect(await verifyKey({ key: () => 'k', client: client(netError(false, 'poll')) })).toMatchObject({ ok: false })
  })
})

describe('keyChanged', () => {
  const engine = (reason: string | null) => {
    let resumed = 0
    return {
      get resumed() {
        return resumed
      },
      state: () => ({ status: reason ? 'paused' : 'running', pause: reason ? { reason } : null }) as unknown as EngineState,
      resume: () => void resumed++,
    }
  }

  it('resumes lookups paused for the key, and nothing else', () => {
    const forKey = engine('key')
    keyChanged(forKey)
    expect(forKey.resumed).toBe(1)
    for (const other of [engine('user'), engine('recovery'), engine(null)]) {
      keyChanged(other)
      expect(other.resumed).toBe(0)
    }
  })
})
