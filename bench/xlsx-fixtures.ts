/** Shared by the xlsx benches: realistic lookups and measuring helpers (time, peak RSS, event-loop block). */
import { monitorEventLoopDelay } from 'node:perf_hooks'
import type { Job, JobStatus } from '../src/shared/domain/job'
import type { Company } from '../src/shared/domain/company'

const REGIONS = ['成都', '深圳', '杭州', '苏州', '武汉', '西安', '青岛', '长沙']
const TRADES = ['光信科技', '精密机械', '食品贸易', '软件开发', '物流运输', '建筑装饰', '电子商务', '医疗器械']
const STATUSES: JobStatus[] = ['done', 'done', 'done', 'done', 'done', 'done', 'no_result', 'failed', 'polling', 'expired', 'uncertain', 'queued']

function creditCode(i: number): string {
  return `91${String(440300 + (i % 900)).padStart(6, '0')}${String(i).padStart(9, '0')}${'0123456789ABCDEFGHJKLMNPQRTUWXY'[i % 31]}`
}

export function makeJobs(n: number): Job[] {
  const jobs: Job[] = []
  const t0 = Date.UTC(2024, 4, 13, 6, 40)
  for (let i = 0; i < n; i++) {
    const status = STATUSES[i % STATUSES.length] as JobStatus
    const name = `${REGIONS[i % 8]}${TRADES[(i >> 3) % 8]}第${i}有限公司`
    const result: Company | null =
      status === 'done'
        ? {
            name: i % 997 === 0 ? `=HYPERLINK("http://x/${i}")` : name,
            credit_no: creditCode(i),
            reg_no: i % 3 === 0 ? String(510109000000000 + i) : '-',
            econ_kind: '有限责任公司(自然人投资或控股)',
            start_date: `20${String(10 + (i % 14)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`,
            belong_org: `${REGIONS[i % 8]}市市场监督管理局`,
            reg_capi: `${100 + (i % 5000)}万人民币`,
            l1_domain_name: '制造业',
            l2_domain_name: '其他电子设备制造',
            support_department: i % 4 === 0 ? '成都市经济和信息化局' : '-',
            support_amount: i % 4 === 0 ? `${i % 90}万元` : '-',
            support_date: i % 4 === 0 ? '2023-06-30' : '-',
            support_basis: i % 4 === 0 ? '《关于支持中小微企业发展的若干政策措施》' : '-',
            support_content: i % 4 === 0 ? '稳岗补贴、研发费用加计扣除、融资担保费补贴' : '-',
          }
        : null
    jobs.push({
      id: `job-${i}`,
      keyword: i % 2 ? creditCode(i) : name,
      normalized: i % 2 ? creditCode(i) : name,
      kind: i % 2 ? 'credit_code' : 'name',
      status,
      batchId: `batch-${i % 10}`,
      jobid: status === 'queued' ? null : `micro_${String(i).padStart(8, '0')}-72fc-3d1e-b661-89f4cbe899d3`,
      createdAt: t0 + i * 1000,
      submittedAt: status === 'queued' ? null : t0 + i * 1000 + 500,
      completedAt: status === 'done' || status === 'no_result' ? t0 + i * 1000 + 1_800_000 : null,
      expiresAt: status === 'queued' ? null : t0 + i * 1000 + 86_400_000,
      polls: 3,
      nextPollAt: null,
      attempts: 0,
      error: status === 'failed' ? { code: 'API_277703', message: '内部错误' } : null,
      result,
      forced: false,
      updatedAt: t0,
    })
  }
  return jobs
}

export interface Measured {
  seconds: number
  /** CPU time of the whole process (all threads, user + system) while `fn` ran: less noisy than wall time on a busy machine. */
  cpuSeconds: number
  /** The process's peak RSS (worker threads included: they share the process). */
  peakRssMb: number
  /** The longest the calling thread's event loop was held while `fn` ran. */
  maxBlockMs: number
  /** 99th percentile of the event-loop delay, ms. */
  p99DelayMs: number
}

const PROBE_MS = 1

/**
 * Runs `fn`, reporting wall time, the process's peak RSS and the longest event-loop stall while it ran: the larger
 * of perf_hooks' event-loop delay maximum and the longest gap between the runs of a 1 ms interval (minus 1 ms).
 */
export async function measure(fn: () => Promise<unknown> | unknown): Promise<Measured> {
  // Collect the fixture's garbage first (children run with --expose-gc), so no case pays for building its input.
  ;(globalThis as { gc?: () => void }).gc?.()
  const histogram = monitorEventLoopDelay({ resolution: PROBE_MS })
  let lastTick = performance.now()
  let maxGap = 0
  const timer = setInterval(() => {
    const now = performance.now()
    maxGap = Math.max(maxGap, now - lastTick)
    lastTick = now
  }, PROBE_MS)
  histogram.enable()
  const cpu = process.cpuUsage()
  const start = performance.now()
  await fn()
  const seconds = (performance.now() - start) / 1000
  const used = process.cpuUsage(cpu)
  maxGap = Math.max(maxGap, performance.now() - lastTick)
  clearInterval(timer)
  histogram.disable()
  return {
    seconds,
    cpuSeconds: (used.user + used.system) / 1e6,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    maxBlockMs: Math.max(histogram.max / 1e6, maxGap - PROBE_MS),
    p99DelayMs: histogram.percentile(99) / 1e6,
  }
}

export function printTable(title: string, rows: Record<string, string | number>[]): void {
  console.log(`\n${title}`)
  console.table(rows)
}
