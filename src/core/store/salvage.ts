import { readFileSync } from 'node:fs'
import type { JobStatus } from '../../shared/domain/job'
import { JOB_STATUSES } from '../../shared/domain/job'

/** What could still be read of one lookup in a damaged snapshot file. */
export interface SalvagedLookup {
  id: string
  keyword: string | null
  jobid: string | null
  submittedAt: number | null
  status: JobStatus | null
}

const START = /\{\s*"id"\s*:\s*"/g

/** The index just past the object that opens at `from`, or -1 when the text ends (or breaks) before it closes. */
function objectEnd(text: string, from: number): number {
  let depth = 0
  let inString = false
  for (let i = from; i < text.length; i++) {
    const c = text[i]
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') inString = false
    } else if (c === '"') inString = true
    else if (c === '{') depth++
    else if (c === '}' && --depth === 0) return i + 1
  }
  return -1
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.length > 0 ? v : null
}

function field(text: string, name: string): unknown {
  const m = new RegExp(`"${name}"\\s*:\\s*("(?:[^"\\\\]|\\\\.)*"|-?\\d+(?:\\.\\d+)?|null)`).exec(text)
  if (!m) return undefined
  try {
    return JSON.parse(m[1]!)
  } catch {
    return undefined
  }
}

function fromObject(o: Record<string, unknown>): SalvagedLookup | null {
  const id = str(o.id)
  if (!id) return null
  const status = typeof o.status === 'string' && (JOB_STATUSES as readonly string[]).includes(o.status) ? (o.status as JobStatus) : null
  return {
    id,
    keyword: str(o.keyword),
    jobid: str(o.jobid),
    submittedAt: typeof o.submittedAt === 'number' ? o.submittedAt : null,
    status,
  }
}

/**
 * Reads what it can of the lookups in a snapshot file that no longer parses (cut short, a few bytes changed):
 * every `{"id":…}` object that still parses whole, and of one cut off, the fields that are still there. Used only to
 * name lookups in the recovery report, never to restore them (a partial copy could be older than the truth).
 */
export function salvageLookups(text: string): SalvagedLookup[] {
  const found = new Map<string, SalvagedLookup>()
  const starts = [...text.matchAll(START)].map((m) => m.index)
  for (let k = 0; k < starts.length; k++) {
    const at = starts[k]!
    const end = objectEnd(text, at)
    let job: SalvagedLookup | null = null
    if (end > 0) {
      try {
        const parsed: unknown = JSON.parse(text.slice(at, end))
        if (parsed && typeof parsed === 'object') job = fromObject(parsed as Record<string, unknown>)
      } catch {
        job = null
      }
    }
    if (!job) {
      // Cut off or broken inside: take the fields one by one, up to where the next lookup starts.
      const part = text.slice(at, starts[k + 1] ?? text.length)
      job = fromObject({ id: field(part, 'id'), keyword: field(part, 'keyword'), jobid: field(part, 'jobid'), submittedAt: field(part, 'submittedAt'), status: field(part, 'status') })
    }
    if (job && !found.has(job.id)) found.set(job.id, job)
  }
  return [...found.values()]
}

/** `salvageLookups` of a file; nothing when it cannot be read at all. */
export function salvageLookupsFromFile(path: string): SalvagedLookup[] {
  try {
    return salvageLookups(readFileSync(path, 'utf8'))
  } catch {
    return []
  }
}
