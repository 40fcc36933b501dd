import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { JobRepository, type JournalLine } from '../../../src/core/jobs/job-repository'
import { planFromView, readSettingsFile } from '../../../src/core/read-plan'
import { openReadView } from '../../../src/core/read-view'
import { DEFAULT_SETTINGS } from '../../../src/core/settings'
import { FileJournal } from '../../../src/core/store/journal'
import { segmentFiles } from '../../../src/core/store/segment-files'
import { makeCompany, makeJob } from '../../helpers/jobs'

const NOW = Date.UTC(2026, 11, 6, 2, 0, 0)
const DAY = 86_400_000
const tmp = () => mkdtempSync(join(tmpdir(), 'microent-read-plan-'))

describe('readSettingsFile', () => {
  it('reads the defaults without a file, and from a damaged one, writing nothing', () => {
    const dir = tmp()
    expect(readSettingsFile(dir)).toEqual(DEFAULT_SETTINGS)
    writeFileSync(join(dir, 'settings.json'), '{"dailyCap": 5')
    expect(readSettingsFile(dir)).toEqual(DEFAULT_SETTINGS)
    expect(readdirSync(dir)).toEqual(['settings.json'])
  })

  it('takes each valid value and drops each invalid one to its default', () => {
    const dir = tmp()
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ dailyCap: 50, monthlyCap: -3, pricePerCall: 0.5 }))
    expect(readSettingsFile(dir)).toMatchObject({ dailyCap: 50, monthlyCap: DEFAULT_SETTINGS.monthlyCap, pricePerCall: 0.5 })
  })
})

describe('planFromView', () => {
  it('plans as the service would: stored fresh results are not charged, the cost counts what is', async () => {
    const dir = tmp()
    const timers = { setTimeout: () => 0, clearTimeout: () => {} }
    const repo = new JobRepository({ segments: segmentFiles(dir, { now: () => NOW }, []), journal: new FileJournal<JournalLine>(join(dir, 'journal.jsonl')), timers })
    repo.load()
    repo.putMany([makeJob({ normalized: '甲科技有限公司', keyword: '甲科技有限公司', status: 'done', completedAt: NOW - DAY, result: makeCompany({ name: '甲科技有限公司' }) }), makeJob({ status: 'queued', normalized: '丙科技有限公司' })], { critical: true })
    repo.flush()
    const view = await openReadView({ dataDir: dir, now: () => NOW, settleMs: 0 })
    const settings = { ...DEFAULT_SETTINGS, pricePerCall: 2 }
    const plan = planFromView(view, [{ text: '甲科技有限公司' }, { text: '乙科技有限公司' }], { force: false, now: NOW, settings, baseUrl: null })
    expect(plan.rows.map((r) => r.charged)).toEqual([false, true])
    expect(plan.charged).toBe(1)
    expect(plan.cost).toMatchObject({ pricePerCall: 2, queuedAhead: 1, now: 1, later: 0, chargedToday: 0 })
    const forced = planFromView(view, [{ text: '甲科技有限公司' }], { force: true, now: NOW, settings, baseUrl: null })
    expect(forced.charged).toBe(1)
  })
})
