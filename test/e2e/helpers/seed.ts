import { randomUUID } from 'node:crypto'
import type { Company } from '../../../src/shared/domain/company'
import type { Batch, Job, JobStatus } from '../../../src/shared/domain/job'
import type { Dataset } from '../../../src/sim/dataset'
import type { WebHost } from '../../../src/webhost/main'
import { provesCharge } from '../../../src/core/jobs/charge-record'
import { internals } from '../../../src/core/services-internals'

// No 'queued': the engine would submit those (charged) at its next wake-up.
const STATUSES: JobStatus[] = ['done', 'done', 'done', 'done', 'no_result', 'failed', 'expired', 'uncertain', 'polling', 'done']

/** Writes `n` finished-looking lookups straight into the host's repository (a stand-in for months of work). */
export function seedJobs(host: WebHost, dataset: Dataset, n: number, batchName = '历史名单'): Job[] {
  const now = Date.now()
  const batch: Batch = { id: randomUUID(), name: batchName, createdAt: now - n * 1000, jobIds: [] }
  const jobs: Job[] = []
  for (let i = 0; i < n; i++) {
    const company = dataset.companies[i % dataset.companies.length] as Company
    const status = STATUSES[i % STATUSES.length] as JobStatus
    const createdAt = now - (n - i) * 1000
    const pending = status === 'polling'
    // As the engine leaves them: a keyword rejected by JOB申请, or a charged call whose answer never came, has no jobid.
    const noJobid = status === 'failed' || status === 'uncertain'
    jobs.push({
      id: randomUUID(),
      keyword: i % 3 === 0 ? company.credit_no : `${company.name}${i >= dataset.companies.length ? ` ${i}` : ''}`,
      normalized: i % 3 === 0 ? company.credit_no : company.name,
      kind: i % 3 === 0 ? 'credit_code' : 'name',
      status,
      batchId: batch.id,
      jobid: noJobid ? null : `micro_${randomUUID()}`,
      createdAt,
      submittedAt: createdAt + 200,
      completedAt: pending ? null : noJobid ? createdAt + 1_200 : createdAt + 60_000,
      expiresAt: noJobid ? null : createdAt + 86_400_000,
      polls: pending ? 1 : noJobid ? 0 : 3,
      nextPollAt: status === 'polling' ? now + 3_600_000 : null,
      attempts: 0,
      error: status === 'failed' ? { code: 'JUHE_277702', message: '关键词格式不被接受 / The keyword was rejected as invalid' } : null,
      result: status === 'done' ? company : null,
      forced: false,
      updatedAt: now,
    })
  }
  batch.jobIds = jobs.map((j) => j.id)
  internals(host.node.services).repo.putBatch(batch)
  internals(host.node.services).repo.putMany(jobs)
  // Their charged calls in the record, as the engine would have written them: a reopened folder is consistent.
  internals(host.node.services).ledger.reconstruct(jobs.filter(provesCharge), now, null)
  return jobs
}
