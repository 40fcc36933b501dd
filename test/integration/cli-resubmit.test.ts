/** `microent resubmit --status`: every lookup in those statuses at once, once per company, its cost said before. */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openNodeHost } from '../../src/core/node-host'
import type { Job, JobStatus } from '../../src/shared/domain/job'
import { makeJob } from '../helpers/jobs'
import { runCli } from '../helpers/cli'
import { internals } from '../../src/core/services-internals'

/** A data folder holding these lookups, written by the core as the app would have left them. */
async function folderWith(jobs: Partial<Job>[]): Promise<Record<string, string>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'microent-resubmit-'))
  writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ pricePerCall: 0.2 }))
  const host = openNodeHost({ dataDir, app: 'test', key: () => 'test-key', baseUrl: 'http://127.0.0.1:9', timeScale: 1 })
  internals(host.services).repo.putMany(jobs.map((j, i) => makeJob({ createdAt: Date.now() - 60_000 + i, completedAt: Date.now() - 30_000, ...j })), { critical: true })
  await host.close()
  return { MICROENT_DATA_DIR: dataDir }
}

const statuses = async (env: Record<string, string>) =>
  (JSON.parse((await runCli(['list', '--json'], env)).stdout) as { normalized: string; status: JobStatus }[]).map((j) => `${j.normalized}:${j.status}`).sort()

describe('resubmit --status uncertain', () => {
  it('says how many calls and how much it charges, with the uncertain warning, and queues nothing without --yes', async () => {
    const env = await folderWith([
      { normalized: '甲乙丙丁有限公司', keyword: '甲乙丙丁有限公司', status: 'uncertain' },
      { normalized: '戊己庚辛有限公司', keyword: '戊己庚辛有限公司', status: 'uncertain' },
      { normalized: '壬癸子丑有限公司', keyword: '壬癸子丑有限公司', status: 'done' },
    ])
    const run = await runCli(['resubmit', '--status', 'uncertain'], env)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('将重新提交 2 项（收费 2 次，约 ¥0.40）')
    expect(run.stderr).toContain('可能已被受理')
    expect(run.stderr).toContain('--yes')
    expect(await statuses(env)).toEqual(['壬癸子丑有限公司:done', '戊己庚辛有限公司:uncertain', '甲乙丙丁有限公司:uncertain'])
  })

  it('with --yes queues one charged call per company and skips a company another lookup is already running for', async () => {
    const env = await folderWith([
      { normalized: '甲乙丙丁有限公司', keyword: '甲乙丙丁有限公司', status: 'uncertain' },
      { normalized: '甲乙丙丁有限公司', keyword: '甲乙丙丁 有限公司', status: 'uncertain' },
      { normalized: '戊己庚辛有限公司', keyword: '戊己庚辛有限公司', status: 'uncertain' },
      { normalized: '戊己庚辛有限公司', keyword: '戊己庚辛有限公司', status: 'polling', completedAt: null, jobid: 'micro_1', submittedAt: Date.now() - 60_000, expiresAt: Date.now() + 3_600_000, nextPollAt: Date.now() + 3_600_000 },
      { normalized: '壬癸子丑有限公司', keyword: '壬癸子丑有限公司', status: 'failed' },
    ])
    const run = await runCli(['resubmit', '--status', 'uncertain', '--yes'], env)
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr).toContain('将重新提交 1 项（收费 1 次，约 ¥0.20）')
    expect(run.stderr).toContain('同一企业的另 1 项不重复收费')
    expect(run.stderr).toContain('1 项跳过')
    expect(await statuses(env)).toEqual([
      '壬癸子丑有限公司:failed',
      '戊己庚辛有限公司:polling',
      '戊己庚辛有限公司:uncertain',
      '甲乙丙丁有限公司:queued',
      '甲乙丙丁有限公司:uncertain',
    ])
  })

  it('refuses a status that cannot be resubmitted', async () => {
    const env = await folderWith([])
    const run = await runCli(['resubmit', '--status', 'done', '--yes'], env)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('只能重新提交')
  })
})
