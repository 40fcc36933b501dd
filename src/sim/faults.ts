/** Injectable faults: what the network or Juhe's front end can do to a request. */
import { STATUS_CODES } from 'node:http'

export type Endpoint = 'query' | 'result'
export type FaultEndpoint = Endpoint | 'any'

export type Fault =
  /** Processes the request normally, then waits `ms` real milliseconds (not time-scaled) before answering. */
  | { type: 'slow'; ms: number }
  /** Never answers and does not process the request; the socket stays open until the client gives up or close(). */
  | { type: 'hang' }
  /** Answers with this HTTP status and an HTML (default) or custom body; not processed. */
  | { type: 'http'; status: number; body?: string; contentType?: string }
  /** 200 with an HTML error page instead of JSON; not processed. */
  | { type: 'html' }
  /** Processes the request (a query is charged), then sends only the first half of the JSON body. */
  | { type: 'truncated' }
  /** Processes the request (a query is charged and its job created), then destroys the socket: the answer is lost. */
  | { type: 'reset' }
  /** Destroys the socket right after reading the request, without processing it. */
  | { type: 'reset_before' }
  /** Answers with this error_code (and its documented reason unless given); not processed, never charged. */
  | { type: 'code'; code: number; reason?: string }

export type FaultType = Fault['type']

export const FAULT_TYPES: readonly FaultType[] = ['slow', 'hang', 'http', 'html', 'truncated', 'reset', 'reset_before', 'code']

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Validates a fault coming from outside (admin endpoint); throws an Error with a readable message. */
export function parseFault(v: unknown): Fault {
  if (!isRecord(v) || typeof v.type !== 'string' || !(FAULT_TYPES as readonly string[]).includes(v.type)) {
    throw new Error(`fault.type must be one of ${FAULT_TYPES.join(', ')}`)
  }
  switch (v.type) {
    case 'slow':
      if (typeof v.ms !== 'number' || !(v.ms >= 0)) throw new Error('slow fault needs ms >= 0')
      return { type: 'slow', ms: v.ms }
    case 'http': {
      if (typeof v.status !== 'number' || !Number.isInteger(v.status) || v.status < 100 || v.status > 599) {
        throw new Error('http fault needs an integer status 100-599')
      }
      const f: Fault = { type: 'http', status: v.status }
      if (typeof v.body === 'string') f.body = v.body
      if (typeof v.contentType === 'string') f.contentType = v.contentType
      return f
    }
    case 'code': {
      if (typeof v.code !== 'number' || !Number.isInteger(v.code)) throw new Error('code fault needs an integer code')
      return typeof v.reason === 'string' ? { type: 'code', code: v.code, reason: v.reason } : { type: 'code', code: v.code }
    }
    default:
      return { type: v.type as 'hang' | 'html' | 'truncated' | 'reset' | 'reset_before' }
  }
}

export function parseFaultEndpoint(v: unknown): FaultEndpoint {
  if (v === undefined) return 'any'
  if (v === 'query' || v === 'result' || v === 'any') return v
  throw new Error('endpoint must be query, result or any')
}

interface Entry {
  endpoint: FaultEndpoint
  fault: Fault
  remaining: number
}

/** Faults waiting to be applied, consumed in the order they were injected. */
export class FaultQueue {
  private entries: Entry[] = []

  /** `times` is a positive integer, or Infinity for "every matching request from now on". */
  add(endpoint: FaultEndpoint, fault: Fault, times = 1): void {
    if (!(times === Infinity || (Number.isInteger(times) && times >= 1))) {
      throw new Error('times must be a positive integer or Infinity')
    }
    this.entries.push({ endpoint: parseFaultEndpoint(endpoint), fault: parseFault(fault), remaining: times })
  }

  /** The next fault for a request to `endpoint`, if any (and uses one of its `times`). */
  take(endpoint: Endpoint): Fault | undefined {
    const i = this.entries.findIndex((e) => e.endpoint === 'any' || e.endpoint === endpoint)
    const entry = this.entries[i]
    if (!entry) return undefined
    entry.remaining -= 1
    if (entry.remaining <= 0) this.entries.splice(i, 1)
    return entry.fault
  }

  /** Uses still pending (Infinity when an endless fault is queued). */
  pending(): number {
    return this.entries.reduce((s, e) => s + e.remaining, 0)
  }

  clear(): void {
    this.entries = []
  }
}

/** An nginx-style error page, as a gateway in front of the API would send. */
export function httpErrorPage(status: number): string {
  const title = `${status} ${STATUS_CODES[status] ?? 'Error'}`
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`
}

/** A 200 page that is not JSON (a captive portal, a maintenance page). */
export const HTML_ERROR_PAGE =
  '<!DOCTYPE html><html><head><meta charset="utf-8"><title>系统繁忙</title></head>' +
  '<body><h1>系统繁忙，请稍后再试</h1><p>Service temporarily unavailable.</p></body></html>'
