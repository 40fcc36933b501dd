/**
 * Admin endpoints for tests that run the simulator in another process. Loopback clients only.
 *   GET  /__sim/stats                 -> SimStats
 *   GET  /__sim/samples               -> SampleKeywords (known and unknown keywords)
 *   POST /__sim/fault  {endpoint, fault, times}   (times: positive integer, or -1 for endless)
 *   POST /__sim/keys   {key, behaviour}
 *   POST /__sim/time   {advanceMs}
 *   POST /__sim/reset
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { isKeyBehaviour } from './codes'
import type { SimCore } from './core'
import { sampleKeywords } from './dataset'
import { parseFault, parseFaultEndpoint } from './faults'
import { isLoopback, readBody, sendJson, sendTooLarge } from './http-io'

export const ADMIN_PREFIX = '/__sim/'
const GET_ROUTES = ['/__sim/stats', '/__sim/samples']
const POST_ROUTES = ['/__sim/fault', '/__sim/keys', '/__sim/time', '/__sim/reset']

async function readJson(req: IncomingMessage, res: ServerResponse, maxBytes: number): Promise<unknown> {
  const body = await readBody(req, maxBytes)
  if (body === null) {
    sendTooLarge(res)
    return undefined
  }
  if (!body.trim()) return {}
  try {
    return JSON.parse(body) as unknown
  } catch {
    throw new Error('body is not valid JSON')
  }
}

function field(v: unknown, name: string): unknown {
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[name] : undefined
}

export async function handleAdmin(
  core: SimCore,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  maxBytes: number,
): Promise<void> {
  if (!isLoopback(req.socket.remoteAddress)) {
    sendJson(res, 403, { ok: false, error: 'admin endpoints are for loopback clients only' })
    return
  }
  const expected = GET_ROUTES.includes(path) ? 'GET' : POST_ROUTES.includes(path) ? 'POST' : null
  if (!expected) return sendJson(res, 404, { ok: false, error: `no admin endpoint ${path}` })
  if (req.method !== expected) {
    res.setHeader('Allow', expected)
    return sendJson(res, 405, { ok: false, error: `${path} needs ${expected}` })
  }
  try {
    if (path === '/__sim/stats') return sendJson(res, 200, core.stats())
    if (path === '/__sim/samples') return sendJson(res, 200, sampleKeywords(core.dataset))
    const body = await readJson(req, res, maxBytes)
    if (body === undefined) return
    switch (path) {
      case '/__sim/fault': {
        const times = field(body, 'times') ?? 1
        if (typeof times !== 'number') throw new Error('times must be a number')
        core.faults.add(parseFaultEndpoint(field(body, 'endpoint')), parseFault(field(body, 'fault')), times === -1 ? Infinity : times)
        return sendJson(res, 200, { ok: true, pending: core.faults.pending() === Infinity ? -1 : core.faults.pending() })
      }
      case '/__sim/keys': {
        const key = field(body, 'key')
        const behaviour = field(body, 'behaviour')
        if (typeof key !== 'string' || !key) throw new Error('key must be a non-empty string')
        if (!isKeyBehaviour(behaviour)) throw new Error("behaviour must be 'ok' or a system error code (10001...)")
        core.setKeyBehaviour(key, behaviour)
        return sendJson(res, 200, { ok: true })
      }
      case '/__sim/time': {
        const ms = field(body, 'advanceMs')
        if (typeof ms !== 'number' || !Number.isFinite(ms)) throw new Error('advanceMs must be a number')
        core.advanceTime(ms)
        return sendJson(res, 200, { ok: true, now: core.now() })
      }
      case '/__sim/reset':
        core.reset()
        return sendJson(res, 200, { ok: true })
    }
  } catch (err) {
    sendJson(res, 400, { ok: false, error: err instanceof Error ? err.message : String(err) })
  }
}
