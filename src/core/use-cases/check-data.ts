/**
 * `microent doctor` and the window's data check: every data file read, and the lookups and the charged-call record
 * held against each other. Pure: the caller gives what it read (a read view without the lock, or the app's own
 * services) and gets findings, each with what a repair does about it.
 */
import type { Job } from '../../shared/domain/job'
import type { ChargedCall } from '../../shared/ipc/contract'
import type { Message } from '../../shared/messages'
import { provesCharge } from '../jobs/charge-record'
import type { Services } from '../services'

export type Finding =
  /** A snapshot file that does not parse: set aside on repair, and the paid lookups it held rebuilt from the record. */
  | { kind: 'damaged_file'; file: string; reason: string }
  /** The charged-call record is not as the app wrote it (its own words); charged calls are held until the user confirms. */
  | { kind: 'record'; text: Message }
  /** An accepted (or possibly accepted) charged call whose lookup is gone: rebuilt from the record on repair. */
  | { kind: 'charge_without_lookup'; jobId: string; keyword: string; jobid: string | null; at: number; outcome: 'accepted' | 'uncertain' }
  /** A lookup with a jobid (or uncertain) that the record does not show: added back to the record on repair. */
  | { kind: 'lookup_without_charge'; id: string; keyword: string; jobid: string | null }

export interface DataToCheck {
  jobs: readonly Job[]
  calls: readonly ChargedCall[]
  damagedFiles: readonly { file: string; reason: string }[]
  record: Message | null
}

export function checkData(data: DataToCheck): Finding[] {
  const findings: Finding[] = data.damagedFiles.map((f) => ({ kind: 'damaged_file', file: f.file, reason: f.reason }))
  if (data.record) findings.push({ kind: 'record', text: data.record })
  const ids = new Set(data.jobs.map((j) => j.id))
  const charged = new Set<string>()
  for (const c of data.calls) {
    if (c.outcome !== 'accepted' && c.outcome !== 'uncertain' && c.outcome !== 'pending') continue
    charged.add(c.lookupId)
    if (!ids.has(c.lookupId) && c.outcome !== 'pending') {
      // `jobId` here is the documented doctor --json field (ours, as in charges.jsonl).
      findings.push({ kind: 'charge_without_lookup', jobId: c.lookupId, keyword: c.keyword, jobid: c.jobid, at: c.at, outcome: c.outcome })
    }
  }
  for (const j of data.jobs) {
    if (provesCharge(j) && !charged.has(j.id)) findings.push({ kind: 'lookup_without_charge', id: j.id, keyword: j.keyword, jobid: j.jobid })
  }
  return findings
}

/**
 * The check on the view of the process that holds the folder (the app, `doctor --repair` after its repair): damaged
 * files were set aside when it opened, so only the lookups and the record are compared.
 */
export function checkOwnData(services: Pick<Services, 'reads' | 'charges' | 'chargeRecord'>): Finding[] {
  return checkData({ jobs: services.reads.all(), calls: services.charges.calls(), damagedFiles: [], record: services.chargeRecord.text()?.text ?? null })
}
