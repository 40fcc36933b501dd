/** The cost preview of `microent submit`: money at the price set, and the caps' split, before anything is charged. */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli'

const NAMES = ['成都成电光信科技股份有限公司', '四川甲乙贸易有限公司', '重庆丙丁物流有限公司']

function folder(settings: Record<string, unknown>) {
  const dir = mkdtempSync(join(tmpdir(), 'microent-cost-'))
  writeFileSync(join(dir, 'settings.json'), JSON.stringify(settings))
  return { MICROENT_DATA_DIR: dir }
}

describe('submit --dry-run: what the plan costs', () => {
  it('turns the charged count into money at the price set, and says which calls the daily cap holds until when', async () => {
    const env = folder({ pricePerCall: 0.5, dailyCap: 2 })
    const run = await runCli(['submit', '--dry-run', ...NAMES], env)
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toContain('约 ¥1.50')
    expect(run.stdout).toMatch(/其中 2 次在今日上限内；其余 1 次排队，至 \d{4}-\d{2}-\d{2} 00:00:00（北京时间）额度恢复后发送/)
  })

  it('says nothing of money without a price, nor of caps when they hold nothing', async () => {
    const env = folder({ dailyCap: 10 })
    const run = await runCli(['submit', '--dry-run', ...NAMES], env)
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).not.toMatch(/约 ¥|about ¥/)
    expect(run.stdout).not.toContain('额度恢复后发送')
  })
})
