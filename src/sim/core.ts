/** The simulator's API logic, without HTTP: keys, limits, charging, jobs and stats. */
import { createHash } from 'node:crypto'
import { COMPANY_FIELDS, type Company } from '../shared/domain/company'
import { SERVICE_CODES, SUCCESS_CODE, reasonFor, type KeyBehaviour } from './codes'
import { createDataset, findCompany, type Dataset } from './dataset'
import { FaultQueue, type Endpoint, type FaultType } from './faults'
import { createRng, lognormal, randomUuid, type Rng } from './prng'
import type { CompletionSpec, SimOptions, SimStats } from './types'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
export const DEFAULT_COMPLETION: CompletionSpec = { type: 'lognormal', medianMs: 5 * MINUTE, p90Ms: 20 * MINUTE, maxMs: 6 * HOUR }
export const DEFAULT_JOB_TTL_MS = 24 * HOUR
/** Keywords longer than this get 277702. */
export const MAX_KEYWORD_LENGTH = 100
export const JOBID_PATTERN = /^micro_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export interface ApiReply {
  error_code: number
  reason: string
  result: unknown
}

interface JobRecord {
  keyword: string
  company: Readonly<Company> | null
  readyAt: number
  expiresAt: number
}

/** MICROENT_TIME_SCALE if it is a positive number, else 1. */
export function envTimeScale(): number {
  const v = Number(process.env.MICROENT_TIME_SCALE)
  return Number.isFinite(v) && v > 0 ? v : 1
}

function reply(code: number, result: unknown = null): ApiReply {
  return { error_code: code, reason: reasonFor(code), result }
}

function emptyStats(): SimStats {
  return { charged: 0, chargedByKeyword: {}, polls: 0, requests: 0, keyInUrl: 0, byCode: {}, faults: {} }
}

export class SimCore {
  readonly dataset: Dataset
  readonly timeScale: number
  readonly faults = new FaultQueue()
  private readonly baseNow: () => number
  private readonly initialKeys: Record<string, KeyBehaviour>
  private keys = new Map<string, KeyBehaviour>()
  private jobs = new Map<string, JobRecord>()
  private quotaUsed = new Map<string, number>()
  private rateWindows = new Map<string, number[]>()
  private counters = emptyStats()
  private offsetMs = 0
  private inserts = 0
  private signCount = 0
  private readonly rng: Rng

  constructor(private readonly opts: SimOptions = {}) {
    const seed = opts.seed ?? 'microent'
    this.dataset = opts.dataset ?? createDataset({ seed, size: opts.datasetSize })
    this.timeScale = opts.timeScale ?? envTimeScale()
    if (!(this.timeScale > 0)) throw new Error('timeScale must be > 0')
    this.baseNow = opts.now ?? Date.now
    this.initialKeys = { ...(opts.keys ?? { 'test-key': 'ok' }) }
    this.rng = createRng(seed, 'jobs')
    this.reset()
  }

  now(): number {
    return this.baseNow() + this.offsetMs
  }

  advanceTime(ms: number): void {
    this.offsetMs += ms
  }

  setKeyBehaviour(key: string, behaviour: KeyBehaviour): void {
    this.keys.set(key, behaviour)
  }

  keyNames(): string[] {
    return [...this.keys.keys()]
  }

  reset(): void {
    this.keys = new Map(Object.entries(this.initialKeys))
    this.jobs.clear()
    this.quotaUsed.clear()
    this.rateWindows.clear()
    this.faults.clear()
    this.counters = emptyStats()
    this.offsetMs = 0
  }

  stats(): SimStats {
    const c = this.counters
    return { ...c, chargedByKeyword: { ...c.chargedByKeyword }, byCode: { ...c.byCode }, faults: { ...c.faults } }
  }

  /** Counts an incoming API request (before faults). */
  countRequest(endpoint: Endpoint, keyInUrl: boolean): void {
    this.counters.requests++
    if (endpoint === 'result') this.counters.polls++
    if (keyInUrl) this.counters.keyInUrl++
  }

  countFault(type: FaultType): void {
    this.counters.faults[type] = (this.counters.faults[type] ?? 0) + 1
  }

  /** The response body for a reply, as Juhe lays it out: reason, result, sign, error_code. Counts the code. */
  serialize(r: ApiReply): string {
    const code = String(r.error_code)
    this.counters.byCode[code] = (this.counters.byCode[code] ?? 0) + 1
    const sign = createHash('md5').update(`${String(this.dataset.seed)}:${++this.signCount}`).digest('hex')
    return JSON.stringify({ reason: r.reason, result: r.result, sign, error_code: r.error_code })
  }

  /** A reply for an injected error code. */
  codeReply(code: number, reason?: string): ApiReply {
    return { error_code: code, reason: reason ?? reasonFor(code), result: null }
  }

  handle(endpoint: Endpoint, params: URLSearchParams, ip: string): ApiReply {
    if (this.rateLimited(ip)) return reply(10011)
    const key = params.get('key') ?? ''
    const behaviour = key ? this.keys.get(key) : undefined
    if (behaviour === undefined) return reply(10001)
    const quotaCode = behaviour === 10012 || behaviour === 10013
    if (behaviour !== 'ok' && !(quotaCode && endpoint === 'result')) return reply(behaviour)
    return endpoint === 'query' ? this.query(key, behaviour, params) : this.result(params)
  }

  private rateLimited(ip: string): boolean {
    const limit = this.opts.rateLimit
    if (limit == null) return false
    const now = this.now()
    const window = (this.rateWindows.get(ip) ?? []).filter((t) => t > now - 1000)
    this.rateWindows.set(ip, window)
    if (window.length >= limit) return true
    window.push(now)
    return false
  }

  private query(key: string, behaviour: KeyBehaviour, params: URLSearchParams): ApiReply {
    if (behaviour !== 'ok') return reply(behaviour)
    const keyword = (params.get('keyword') ?? '').trim()
    if (!keyword) return reply(SERVICE_CODES.MISSING_PARAM)
    if (keyword.length > MAX_KEYWORD_LENGTH || /[\u0000-\u001f\u007f]/.test(keyword)) {
      return reply(SERVICE_CODES.INVALID_PARAM)
    }
    const quota = this.opts.quota
    const used = this.quotaUsed.get(key) ?? 0
    if (quota != null && used >= quota) return reply(10012)
    const company = findCompany(this.dataset, keyword) ?? null
    if (!company && this.opts.noResultStage === 'query') return reply(SERVICE_CODES.NO_RESULT)

    this.quotaUsed.set(key, used + 1)
    this.counters.charged++
    this.counters.chargedByKeyword[keyword] = (this.counters.chargedByKeyword[keyword] ?? 0) + 1
    const now = this.now()
    const jobid = `micro_${randomUuid(this.rng)}`
    const delay = Math.max(0, this.completionDelay(keyword, company !== null)) * this.timeScale
    const ttl = (this.opts.jobTtlMs ?? DEFAULT_JOB_TTL_MS) * this.timeScale
    this.jobs.set(jobid, { keyword, company, readyAt: now + delay, expiresAt: now + ttl })
    if (++this.inserts % 1000 === 0) this.sweep(now)
    return reply(SUCCESS_CODE, { jobid })
  }

  private result(params: URLSearchParams): ApiReply {
    const jobid = (params.get('jobid') ?? '').trim()
    if (!jobid) return reply(SERVICE_CODES.MISSING_PARAM)
    if (!JOBID_PATTERN.test(jobid)) return reply(SERVICE_CODES.INVALID_PARAM)
    const job = this.jobs.get(jobid.toLowerCase())
    const now = this.now()
    // Unknown and expired jobids: the document has no dedicated code, so they get 277702 参数不合法.
    if (!job || now >= job.expiresAt) return reply(SERVICE_CODES.INVALID_PARAM)
    if (now < job.readyAt) return reply(SERVICE_CODES.JOB_RUNNING)
    if (!job.company) return reply(SERVICE_CODES.NO_RESULT)
    const company = job.company
    const result: Record<string, string> = {}
    for (const f of COMPANY_FIELDS) result[f] = company[f]
    return reply(SUCCESS_CODE, result)
  }

  private completionDelay(keyword: string, found: boolean): number {
    const spec = this.opts.completion ?? DEFAULT_COMPLETION
    if (typeof spec === 'number') return spec
    if (typeof spec === 'function') return spec({ keyword, found, random: this.rng })
    if (spec.type === 'fixed') return spec.ms
    const ms = lognormal(this.rng, spec.medianMs, spec.p90Ms)
    return spec.maxMs === undefined ? ms : Math.min(ms, spec.maxMs)
  }

  private sweep(now: number): void {
    for (const [id, job] of this.jobs) if (now >= job.expiresAt) this.jobs.delete(id)
  }
}
