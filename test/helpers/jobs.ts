import type { Job } from '../../src/shared/domain/job'
import type { Company } from '../../src/shared/domain/company'
import { COMPANY_FIELDS } from '../../src/shared/domain/company'

let seq = 0

export function makeJob(over: Partial<Job> = {}): Job {
  seq++
  return {
    id: `job-${seq}`,
    keyword: `测试公司${seq}有限公司`,
    normalized: `测试公司${seq}有限公司`,
    kind: 'name',
    status: 'queued',
    batchId: null,
    jobid: null,
    createdAt: seq,
    submittedAt: null,
    completedAt: null,
    expiresAt: null,
    polls: 0,
    nextPollAt: null,
    attempts: 0,
    error: null,
    result: null,
    forced: false,
    updatedAt: 0,
    ...over,
  }
}

export function makeCompany(over: Partial<Company> = {}): Company {
  const c = Object.fromEntries(COMPANY_FIELDS.map((f) => [f, '-'])) as Company
  return { ...c, name: '成都成电光信科技股份有限公司', credit_no: '9151010057463511XR', ...over }
}
