import { describe, expect, it } from 'vitest'
import type { AppApi } from '../../../../src/main/api/app-api'
import { dispatch, MAX_PAYLOAD_BYTES } from '../../../../src/main/api/dispatch'
import { ApiFailure } from '../../../../src/main/api/failure'
import { msg } from '../../../../src/shared/messages'

/** An app API whose handlers record what they were given; `answer` decides what they do. */
function fakeApi(answer: (channel: string, args: unknown) => unknown = () => 'value') {
  const calls: [string, unknown][] = []
  const api = new Proxy({} as AppApi, {
    get: (_t, channel: string) => async (args: unknown) => {
      calls.push([channel, args])
      return answer(channel, args)
    },
  })
  return { api, calls }
}

function recordingLogger() {
  const errors: [string, unknown][] = []
  return { errors, logger: { info() {}, warn() {}, error: (m: string, data?: unknown) => void errors.push([m, data]) } }
}

describe('dispatch', () => {
  it('runs a valid call with the parsed arguments and wraps the value', async () => {
    const { api, calls } = fakeApi(() => ({ configured: true }))
    expect(await dispatch(api, 'key:set', { key: '  abcdef0123456789  ', storage: 'session' })).toEqual({ ok: true, value: { configured: true } })
    // The schema's own transforms apply before the handler sees the payload (the key is trimmed).
    expect(calls).toEqual([['key:set', { key: 'abcdef0123456789', storage: 'session' }]])
  })

  it('refuses a channel outside the contract, naming it briefly, without calling anything', async () => {
    const { api, calls } = fakeApi()
    const r = await dispatch(api, `evil:${'x'.repeat(100)}`, undefined)
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', text: { code: 'ipc.unknownChannel' } } })
    expect(!r.ok && r.error.detail).toHaveLength(60)
    expect(calls).toEqual([])
  })

  it('refuses a payload over the size limit, or one that cannot be measured, before parsing it', async () => {
    const { api, calls } = fakeApi()
    const huge = { inputs: [{ text: 'x'.repeat(MAX_PAYLOAD_BYTES) }] }
    expect(await dispatch(api, 'lookups:plan', huge)).toMatchObject({ ok: false, error: { code: 'VALIDATION', text: { code: 'ipc.payloadTooLarge' } } })
    const circular: Record<string, unknown> = {}
    circular.self = circular
    expect(await dispatch(api, 'lookups:plan', circular)).toMatchObject({ ok: false, error: { code: 'VALIDATION', text: { code: 'ipc.payloadTooLarge' } } })
    expect(calls).toEqual([])
  })

  it("answers malformed arguments with VALIDATION naming the wrong fields, never zod's own words", async () => {
    const { api, calls } = fakeApi()
    const r = await dispatch(api, 'lookups:submit', { inputs: [{ text: 1 }], batchName: 2, extra: true })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error).toMatchObject({ code: 'VALIDATION', text: { code: 'ipc.invalidRequest' } })
    expect(r.error.detail?.split(', ').sort()).toEqual(['(args)', 'batchName', 'inputs.0.text'])
    expect(r.error.detail).not.toMatch(/expected|Invalid|received/i)
    expect(await dispatch(api, 'engine:pause', { now: true })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(calls).toEqual([])
  })

  it('answers a refused settings value with what the field takes (the settings page shows it as is)', async () => {
    const { api, calls } = fakeApi()
    const r = await dispatch(api, 'settings:set', { requestsPerSecond: 80 })
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', text: msg('settings.invalid', { fields: ['requestsPerSecond'] }) } })
    expect(calls).toEqual([])
  })

  it('turns an ApiFailure into its code, message and detail', async () => {
    const { api } = fakeApi(() => {
      throw new ApiFailure('NOT_ALLOWED', msg('ipc.internal'), 'j1')
    })
    expect(await dispatch(api, 'lookups:get', { id: 'j1' })).toEqual({ ok: false, error: { code: 'NOT_ALLOWED', text: msg('ipc.internal'), detail: 'j1' } })
  })

  it('answers any other error with INTERNAL, logging its name but not its message', async () => {
    const { api } = fakeApi(() => {
      throw new TypeError('secret path /home/u/key.txt')
    })
    const { errors, logger } = recordingLogger()
    const r = await dispatch(api, 'engine:resume', undefined, logger)
    expect(r).toEqual({ ok: false, error: { code: 'INTERNAL', text: { code: 'ipc.internal' } } })
    expect(errors).toEqual([['ipc handler failed', { channel: 'engine:resume', error: 'TypeError' }]])
    expect(JSON.stringify(r)).not.toContain('secret')
  })
})
