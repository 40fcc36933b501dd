import type { ExportRequest } from '../../shared/ipc/contract'
import type { Job } from '../../shared/domain/job'
import type { Services } from '../../core/services'

/** Text search as the list does it: keyword, normalised keyword, company name, credit code, jobid. */
export function matchesText(job: Job, text: string): boolean {
  const q = text.trim().toLowerCase()
  if (!q) return true
  const hay = [job.keyword, job.normalized, job.jobid, job.result?.name, job.result?.credit_no, job.result?.reg_no]
  return hay.some((v) => typeof v === 'string' && v.toLowerCase().includes(q))
}

/** The lookups an export covers: the explicit selection, else the filter, else all; in list order. */
export function selectForExport(services: Services, req: ExportRequest): Job[] {
  if (req.ids) {
    const wanted = new Set(req.ids)
    return services.lookups.list().filter((j) => wanted.has(j.id))
  }
  const f = req.filter ?? {}
  return services.lookups
    .list({ status: f.status?.length ? f.status : undefined, batchId: f.batchId })
    .filter((j) => (f.text ? matchesText(j, f.text) : true))
}
