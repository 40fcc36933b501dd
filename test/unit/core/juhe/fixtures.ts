import { EXAMPLE_COMPANY } from '../../../../src/sim/dataset'
import type { HttpFailure, HttpRequest, HttpResponse } from '../../../../src/core/ports'

/** Every code of the documentation, with the action the engine must take on a submit and on a poll. */
export const DOC_CODES: [number, string, string][] = [
  [277700, 'retry', 'retry'],
  [277701, 'final_input', 'retry'],
  [277702, 'final_input', 'retry'],
  [277703, 'retry', 'retry'],
  [277704, 'no_result', 'no_result'],
  [277705, 'retry', 'retry'],
  [277706, 'uncertain', 'keep_polling'],
  [10001, 'pause_key', 'pause_key'],
  [10002, 'pause_key', 'pause_key'],
  [10003, 'pause_key', 'pause_key'],
  [10004, 'pause_key', 'pause_key'],
  [10005, 'pause_key', 'pause_key'],
  [10007, 'pause_key', 'pause_key'],
  [10008, 'pause_key', 'pause_key'],
  [10009, 'pause_key', 'pause_key'],
  [10011, 'cooldown', 'cooldown'],
  [10012, 'stop_submit', 'stop_submit'],
  [10013, 'stop_submit', 'stop_submit'],
  [10014, 'uncertain', 'retry'],
  [10020, 'maintenance', 'maintenance'],
  [10021, 'disabled', 'disabled'],
]

/** The documentation's example record. */
export const RECORD = { ...EXAMPLE_COMPANY }

export const JOBID = 'micro_de6719f9-72fc-3d1e-b661-89f4cbe899d3'

export function ok(body: unknown, status = 200): HttpResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) }
}

export type Reply = HttpResponse | HttpFailure | Error | ((req: HttpRequest) => HttpResponse)

/** A scripted Http: answers with the queued replies in order (the last one repeats) and records every request. */
export function fakeHttp(...replies: Reply[]) {
  const requests: HttpRequest[] = []
  return {
    requests,
    async request(req: HttpRequest): Promise<HttpResponse> {
      requests.push(req)
      const reply = replies.length > 1 ? replies.shift()! : replies[0]
      if (reply === undefined) throw new Error('no reply scripted')
      if (reply instanceof Error) throw reply
      return typeof reply === 'function' ? reply(req) : reply
    },
  }
}

export function memoryLogger() {
  const lines: string[] = []
  const put = (level: string) => (msg: string, data?: Record<string, unknown>) => lines.push(`${level} ${msg} ${JSON.stringify(data ?? {})}`)
  return { lines, logger: { info: put('info'), warn: put('warn'), error: put('error') } }
}
