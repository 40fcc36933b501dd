/**
 * `microent audit verify`: the charged-call record, hash-chained as the app writes it, is checked line by line; an
 * edit is named with its line number (exit 1), the app holds charged calls for it at the next start, and once the
 * user has confirmed it the break is still reported (it happened), marked as confirmed.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openNodeHost } from '../../src/core/node-host'
import { startSimulator } from '../../src/sim/server'
import type { Simulator } from '../../src/sim/types'
import { runCli } from '../helpers/cli'
import { readWithOpenpyxl } from '../helpers/xlsx/openpyxl'

let sim: Simulator
beforeAll(async () => {
  sim = await startSimulator({ timeScale: 0.001, completion: { type: 'fixed', ms: 30_000 }, seed: 'audit' })
})
afterAll(async () => sim?.close())

async function folderWithCharges(): Promise<{ dir: string; env: Record<string, string> }> {
  const dir = mkdtempSync(join(tmpdir(), 'microent-audit-'))
  writeFileSync(join(dir, 'settings.json'), JSON.stringify({ submitIntervalMs: 0, requestsPerSecond: 40 }))
  const env = { MICROENT_DATA_DIR: dir, JUHE_KEY: 'test-key', JUHE_BASE_URL: sim.url, MICROENT_TIME_SCALE: '0.001' }
  const submit = await runCli(['submit', '--yes', '审计测试甲科技有限公司', '审计测试乙科技有限公司', '审计测试丙科技有限公司'], env)
  expect(submit.code, submit.stderr).toBe(0)
  const run = await runCli(['run', '--until-done', '--max-wait', '20'], env)
  expect(run.code, run.stderr).toBe(0)
  return { dir, env }
}

interface VerifyJson {
  intact: boolean
  lines: number
  chained: number
  head: string
  firstBreak: { line: number; kind: string } | null
  breaks: { line: number; kind: string; confirmed: boolean }[]
}

// Each test spawns the CLI a dozen times: under a loaded CI machine that takes longer than the default.
describe('microent audit verify', { timeout: 120_000 }, () => {
  it('finds an intact record intact (exit 0), and an edited line by its number (exit 1)', async () => {
    const { dir, env } = await folderWithCharges()
    const ok = await runCli(['audit', 'verify', '--json'], env)
    expect(ok.code, ok.stderr).toBe(0)
    const intact = JSON.parse(ok.stdout) as VerifyJson
    // An intent and an outcome line per charged call, every one chained.
    expect(intact).toMatchObject({ intact: true, lines: 6, chained: 6, firstBreak: null, breaks: [] })
    expect(intact.head).toMatch(/^[0-9a-f]{64}$/)
    expect((await runCli(['audit', 'verify'], env)).stdout).toContain('收费记录完整：共 6 行')

    // Someone turns an accepted call into a refused one, by hand.
    const path = join(dir, 'charges.jsonl')
    const lines = readFileSync(path, 'utf8').split('\n')
    const at = lines.findIndex((l) => l.includes('"outcome":"accepted"'))
    lines[at] = (lines[at] as string).replace('"outcome":"accepted"', '"outcome":"rejected"')
    writeFileSync(path, lines.join('\n'))

    const broken = await runCli(['audit', 'verify', '--json'], env)
    expect(broken.code).toBe(1)
    expect(JSON.parse(broken.stdout)).toMatchObject({ intact: false, firstBreak: { line: at + 1, kind: 'edited' } })
    const text = await runCli(['audit', 'verify'], env)
    expect(text.code).toBe(1)
    expect(text.stderr).toContain(`哈希链在第 ${at + 1} 行断开`)
    const english = await runCli(['audit', 'verify', '--lang', 'en'], env)
    expect(english.stderr).toContain(`hash chain breaks at line ${at + 1}`)
    expect(english.stderr).not.toMatch(/[\u4e00-\u9fff]/)

    // The next start holds charged calls for it and names the line; confirming lifts the hold, not the evidence.
    const host = openNodeHost({ dataDir: dir, app: 'test', key: () => 'test-key', baseUrl: sim.url, timeScale: 0.001 })
    expect(host.services.chargeRecord.held()?.problems).toContainEqual({ kind: 'chain', line: at + 1, breaks: 1 })
    host.services.chargeRecord.confirm()
    await host.close()
    const after = JSON.parse((await runCli(['audit', 'verify', '--json'], env)).stdout) as VerifyJson
    expect(after.breaks).toEqual([{ line: at + 1, kind: 'edited', confirmed: true }])
    const again = openNodeHost({ dataDir: dir, app: 'test', key: () => 'test-key', baseUrl: sim.url, timeScale: 0.001 })
    expect(again.services.chargeRecord.held()).toBeNull()
    await again.close()
  })

  it('says there is nothing to verify in a new folder (exit 0), and a record cut from the end is not intact', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'microent-audit-empty-'))
    const none = await runCli(['audit', 'verify'], { MICROENT_DATA_DIR: empty })
    expect(none.code).toBe(0)
    expect(none.stdout).toContain('还没有收费记录')

    const { dir, env } = await folderWithCharges()
    const path = join(dir, 'charges.jsonl')
    const lines = readFileSync(path, 'utf8').split('\n').filter(Boolean)
    writeFileSync(path, lines.slice(0, -2).join('\n') + '\n')
    const cut = await runCli(['audit', 'verify', '--json'], env)
    expect(cut.code).toBe(1)
    expect(JSON.parse(cut.stdout)).toMatchObject({ intact: false, breaks: [], cut: { kind: 'short', lines: 4, expectedLines: 6 } })
  })

  it('refuses an unknown subcommand with usage (exit 2)', async () => {
    const bad = await runCli(['audit', 'frobnicate'], { MICROENT_DATA_DIR: mkdtempSync(join(tmpdir(), 'microent-audit-x-')) })
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('microent audit verify')
  })

  it('exports the charged calls with their signs and the chain head; a later verify finds that head until the record is changed', async () => {
    const { dir, env } = await folderWithCharges()
    const out = join(dir, 'audit.xlsx')
    const exported = await runCli(['audit', 'export', out], env)
    expect(exported.code, exported.stderr).toBe(0)
    expect(exported.stderr).toContain('已导出 3 次收费调用')
    const [calls, notes] = readWithOpenpyxl(out)
    expect(calls?.name).toBe('收费调用')
    expect(calls?.rows).toHaveLength(4)
    for (const row of calls?.rows.slice(1) ?? []) {
      expect(row[1]).toBe('已受理（已收费）')
      expect(row[4]).toMatch(/^micro_/)
      expect(row[7]).toMatch(/^[0-9a-f]{32}$/) // the simulator signs its answers as Juhe does
    }
    const note = (label: string) => notes?.rows.find((r) => r[0] === label)?.[1]
    const head = note('收费记录哈希链头') as string
    expect(head).toBe((JSON.parse((await runCli(['audit', 'verify', '--json'], env)).stdout) as VerifyJson).head)
    expect(note('收费调用总数')).toBe(3)
    expect(note('数据来源（接口地址）')).toBe(sim.url)
    expect(String(note('导出人（操作系统用户）'))).not.toBe('')

    // More charged calls later: the earlier head is still in the chain.
    expect((await runCli(['submit', '--yes', '审计测试丁科技有限公司'], env)).code).toBe(0)
    expect((await runCli(['run', '--until-done', '--max-wait', '20'], env)).code).toBe(0)
    const later = await runCli(['audit', 'verify', '--head', head], env)
    expect(later.code, later.stderr).toBe(0)
    expect(later.stdout).toContain('找到了这一链头：它是第 6 行之后的链状态')

    // An edit before that point: the head is gone from the chain.
    const path = join(dir, 'charges.jsonl')
    const lines = readFileSync(path, 'utf8').split('\n')
    const forged = JSON.parse(lines[0] as string) as Record<string, unknown>
    lines[0] = JSON.stringify({ ...forged, keyword: '别的公司' })
    writeFileSync(path, lines.join('\n'))
    const gone = await runCli(['audit', 'verify', '--head', head, '--json'], env)
    expect(gone.code).toBe(1)
    expect(JSON.parse(gone.stdout)).toMatchObject({ earlierHead: { head, line: null } })

    const csv = await runCli(['audit', 'export', join(dir, 'audit.csv'), '--from', '2020-01-01', '--to', '2099-12-31'], env)
    expect(csv.code, csv.stderr).toBe(0)
    expect(readFileSync(join(dir, 'audit.csv'), 'utf8').split('\r\n').filter(Boolean)).toHaveLength(5)
    expect((await runCli(['audit', 'export', join(dir, 'x.xlsx'), '--from', '2026-02-30'], env)).code).toBe(2)
    expect((await runCli(['audit', 'export', join(dir, 'x.xlsx'), '--from', '2026-12-06', '--to', '2026-12-01'], env)).code).toBe(2)
    expect((await runCli(['audit', 'export', join(dir, 'x.pdf')], env)).code).toBe(2)
  })
})
