import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator } from '../../src/sim/server'
import type { Simulator } from '../../src/sim/types'
import { sampleKeywords } from '../../src/sim/dataset'
import { runCli } from '../helpers/cli'

let sim: Simulator
let env: Record<string, string>

function freshEnv(extra: Record<string, string> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'microent-cli-'))
  // Fast pacing so a test batch does not wait a second per charged call.
  writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ submitIntervalMs: 20, requestsPerSecond: 40 }))
  return { MICROENT_DATA_DIR: dataDir, JUHE_KEY: 'test-key', JUHE_BASE_URL: sim.url, MICROENT_TIME_SCALE: '0.001', ...extra }
}

beforeAll(async () => {
  sim = await startSimulator({ timeScale: 0.001, completion: { type: 'fixed', ms: 90_000 }, seed: 'cli' })
})
afterAll(async () => sim?.close())

describe('microent CLI against the simulator', () => {
  it('submits, runs until done, lists and shows results in the documented JSON shape', async () => {
    env = freshEnv()
    const samples = sampleKeywords(sim.dataset, 2)
    const known = samples.knownNames[0]!
    const unknown = samples.unknownNames[0]!
    const submit = await runCli(['submit', '--yes', known, unknown, samples.knownCreditNos[0]!], env)
    expect(submit.code).toBe(0)
    expect(submit.stdout).toContain('将收费查询 3 次')
    expect(submit.stdout).toContain('共 3 行：将收费查询 3 次，重复 0，无效 0。')
    // One language alone: the English half of the old joined lines is gone.
    expect(submit.stdout).not.toContain('charged calls')
    expect(submit.stderr).toMatch(/^已加入队列 3 项（批次 [^）]+）；运行 `microent run --until-done` 开始查询。\n$/)

    const run = await runCli(['run', '--until-done', '--max-wait', '30'], env)
    // Nothing to recover after a plain submit: stderr holds only the mode (local: no MICROENT_DATABASE_URL) and the
    // summary the run ends with, in the CLI's language.
    expect(run.stderr).toBe('本地模式：数据只保存在这台电脑上。\n本次运行：收费查询 3 次，有结果 2 项，无结果 1 项，失败 0 项，结果未知 0 项，未完成 0 项\n')
    expect(run.code).toBe(0)

    const list = await runCli(['list', '--json'], env)
    const lookups = JSON.parse(list.stdout) as Record<string, unknown>[]
    expect(lookups).toHaveLength(3)
    for (const l of lookups) {
      expect(Object.keys(l)).toEqual(expect.arrayContaining(['keyword', 'normalized', 'kind', 'status', 'jobid', 'submittedAt', 'completedAt', 'polls', 'error', 'result']))
    }
    const byKeyword = Object.fromEntries(lookups.map((l) => [l.keyword, l]))
    expect(byKeyword[known]).toMatchObject({ status: 'done', kind: 'name', error: null })
    expect((byKeyword[known]!.result as Record<string, string>).name).toBe(known)
    expect(Object.keys(byKeyword[known]!.result as object)).toHaveLength(14)
    expect(byKeyword[unknown]).toMatchObject({ status: 'no_result', result: null })
    expect(byKeyword[samples.knownCreditNos[0]!]).toMatchObject({ status: 'done', kind: 'credit_code' })

    const show = await runCli(['show', '--json', known], env)
    expect(JSON.parse(show.stdout)).toMatchObject({ keyword: known, status: 'done' })
    const human = await runCli(['show', known], env)
    expect(human.stdout).toContain('企业名称')

    // The same keywords again: nothing is charged.
    const again = await runCli(['submit', '--yes', known, unknown], env)
    expect(again.stdout).toContain('将收费查询 0 次')
    expect(sim.stats().keyInUrl).toBe(0)
    const dry = JSON.parse((await runCli(['submit', '--dry-run', '--json', known], env)).stdout) as { duplicateOf: { type: string; at: string } }[]
    expect(dry[0]?.duplicateOf).toMatchObject({ type: 'lookup', at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) })

    // The charged-call record: one accepted call per keyword, newest first, with its jobid.
    const charges = JSON.parse((await runCli(['charges', '--json'], env)).stdout) as { keyword: string; outcome: string; jobid: string | null }[]
    expect(charges).toHaveLength(3)
    expect(charges.every((c) => c.outcome === 'accepted' && c.jobid?.startsWith('micro_'))).toBe(true)
    expect(charges.map((c) => c.keyword).reverse()).toEqual([known, unknown, samples.knownCreditNos[0]!])
    for (const n of Object.values(sim.stats().chargedByKeyword)) expect(n).toBe(1)
  })

  it('keeps its interface: exit codes 2 for bad input, 3 for key errors, and nothing charged without --yes', async () => {
    const e = freshEnv()
    const charged = sim.stats().charged
    expect((await runCli(['bogus'], e)).code).toBe(2)
    expect((await runCli(['submit', '   '], e)).code).toBe(2)
    const dash = await runCli(['submit', '-1号贸易有限公司'], e)
    expect(dash.code).toBe(2)
    expect(dash.stderr).toContain('以“-”开头的关键词请写在 -- 之后')
    const noYes = await runCli(['submit', '某某科技有限公司'], e)
    expect(noYes.code).toBe(2)
    expect(noYes.stderr).toContain('--yes')
    expect(JSON.parse((await runCli(['list', '--json'], e)).stdout)).toEqual([])

    const dry = await runCli(['submit', '--dry-run', '--json', '某某科技有限公司', '11010519491231002X'], e)
    expect(dry.code).toBe(2)
    const rows = JSON.parse(dry.stdout) as { kind: string; charged: boolean; errors: { code: string }[] }[]
    expect(rows.map((r) => [r.kind, r.charged])).toEqual([
      ['name', true],
      ['invalid', false],
    ])
    expect(rows[1]!.errors[0]!.code).toBe('CITIZEN_ID')

    const badKey = freshEnv({ JUHE_KEY: 'wrong-key' })
    await runCli(['submit', '--yes', '某某科技有限公司'], badKey)
    const run = await runCli(['run', '--until-done', '--max-wait', '20'], badKey)
    expect(run.code).toBe(3)
    expect(run.stderr).toMatch(/密钥|KEY/i)
    expect(run.stderr).toContain('请检查 JUHE_KEY')
    expect(sim.stats().charged).toBe(charged)
    const missingKey = await runCli(['run', '--until-done'], { ...badKey, JUHE_KEY: '' })
    expect(missingKey.code).toBe(3)
    const badUrl = await runCli(['run', '--until-done'], { ...badKey, JUHE_BASE_URL: 'notaurl' })
    expect(badUrl.code).toBe(2)
    expect(badUrl.stderr).toContain('JUHE_BASE_URL 不是可用的 http(s) 地址')
    const badUrlEn = await runCli(['run', '--until-done', '--lang', 'en'], { ...badKey, JUHE_BASE_URL: 'notaurl' })
    expect(badUrlEn.stderr).toBe('JUHE_BASE_URL is not a usable http(s) address: notaurl\n')
  })

  it('says when new charged calls are held, and --until-done ends (exit 1) when only queued lookups are left', async () => {
    sim.setKeyBehaviour('used-up-key', 10012)
    const quota = freshEnv({ JUHE_KEY: 'used-up-key' })
    await runCli(['submit', '--yes', '某某科技有限公司'], quota)
    const run = await runCli(['run', '--until-done'], quota, { timeoutMs: 20_000 })
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('暂停新的收费查询（JUHE_10012）')
    expect(run.stderr).toContain('仍有 1 项排队，未提交')
    expect(run.stderr.match(/仍有 1 项排队，未提交/g)).toHaveLength(1) // said once (it was printed twice)
    // A daily cap of 1 with two lookups: the first runs to its end, then the run stops on the second, queued.
    const capped = freshEnv()
    writeFileSync(join(capped.MICROENT_DATA_DIR, 'settings.json'), JSON.stringify({ submitIntervalMs: 20, requestsPerSecond: 40, dailyCap: 1 }))
    const [a, b] = sampleKeywords(sim.dataset, 2).knownNames
    await runCli(['submit', '--yes', a!, b!], capped)
    const capRun = await runCli(['run', '--until-done'], capped, { timeoutMs: 20_000 })
    expect(capRun.code).toBe(1)
    const list = JSON.parse((await runCli(['list', '--json'], capped)).stdout) as { status: string }[]
    expect(list.map((j) => j.status).sort()).toEqual(['done', 'queued'])
  })

  it('says once, with why, that the API cannot be reached, however often it checks again', async () => {
    const e = freshEnv({ JUHE_BASE_URL: 'http://127.0.0.1:9' })
    await runCli(['submit', '--yes', '某某科技有限公司'], e)
    const run = await runCli(['run', '--until-done', '--max-wait', '3'], e)
    expect(run.code).toBe(1)
    expect(run.stderr.match(/无法连接聚合数据/g)).toHaveLength(1)
    expect(run.stderr).toContain('已等待 3 秒，仍有 1 项未完成；再次运行 run 会接着查询')
    expect(JSON.parse((await runCli(['list', '--json'], e)).stdout)).toMatchObject([{ status: 'queued' }])
  })

  it('stops cleanly on Ctrl-C, keeping the running lookup and its jobid', async () => {
    const e = freshEnv({ MICROENT_TIME_SCALE: '1' }) // real time: the result cannot arrive before the interrupt
    await runCli(['submit', '--yes', '中断测试科技有限公司'], e)
    const run = await runCli(['run', '--until-done'], e, { interruptWhen: () => (sim.stats().chargedByKeyword['中断测试科技有限公司'] ?? 0) > 0 })
    expect(run.code).toBe(0)
    expect(run.stderr).toContain('正在停止')
    const [lookup] = JSON.parse((await runCli(['list', '--json'], e)).stdout) as { status: string; jobid: string | null }[]
    expect(lookup).toMatchObject({ status: 'polling', jobid: expect.stringMatching(/^micro_/) })
  })

  it('refuses a second writer on the same data folder with a clear message', async () => {
    const e = freshEnv()
    await runCli(['submit', '--yes', '乙某科技有限公司'], e)
    sim.injectFault('query', { type: 'hang' })
    const first = runCli(['run', '--until-done'], e, { timeoutMs: 8000 })
    await new Promise((r) => setTimeout(r, 2500))
    const second = await runCli(['run', '--until-done'], e)
    expect(second.code).toBe(1)
    expect(second.stderr).toContain('microent CLI')
    await first
  })
})

describe('microent CLI data folder', () => {
  it('refuses to read a named data folder that does not exist, and says when a submit creates one', async () => {
    const base = freshEnv()
    const missing = { ...base, MICROENT_DATA_DIR: join(base.MICROENT_DATA_DIR, 'typo', 'data') }
    for (const args of [['list'], ['charges'], ['show', 'x'], ['run', '--until-done'], ['resubmit', 'x', '--yes'], ['submit', '--dry-run', '某某科技有限公司']]) {
      const run = await runCli([...args, '--lang', 'en'], missing)
      expect(run.code, args.join(' ')).toBe(1)
      expect(run.stderr).toContain('The data folder does not exist')
    }
    expect((await runCli(['list'], missing)).stderr).toContain('数据目录不存在')
    expect(existsSync(missing.MICROENT_DATA_DIR)).toBe(false)
    const created = await runCli(['submit', '--yes', '--lang', 'en', '某某科技有限公司'], missing)
    expect(created.code).toBe(0)
    expect(created.stderr).toContain('Created a new data folder')
    expect(created.stderr).not.toMatch(/[\u4e00-\u9fff]/)
    const file = { ...base, MICROENT_DATA_DIR: join(base.MICROENT_DATA_DIR, 'settings.json') }
    const notAFolder = await runCli(['list'], file)
    expect(notAFolder.code).toBe(1)
    expect(notAFolder.stderr).toContain('数据目录不是文件夹')
    expect((await runCli(['list', '--lang', 'en'], file)).stderr).toContain('is a file, not a folder')
  })
})

describe('microent CLI file import', () => {
  it('names the rows a spreadsheet damaged, refuses them, and with --skip-invalid queues the rest', async () => {
    const e = freshEnv()
    const csv = join(e.MICROENT_DATA_DIR, 'list.csv')
    writeFileSync(csv, '企业名称\r\n某某科技有限公司\r\n9.1510105E+17\r\n甲乙贸易有限公司\r\n')
    const refused = await runCli(['submit', '--yes', '--file', csv], e)
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('第 3 行：')
    expect(refused.stderr).not.toContain('row 3')
    expect(refused.stderr).toContain('--skip-invalid')
    expect(JSON.parse((await runCli(['list', '--json'], e)).stdout)).toEqual([])
    const missing = await runCli(['submit', '--yes', '--file', join(e.MICROENT_DATA_DIR, 'nope.csv')], e)
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('找不到文件「nope.csv」')
    const txt = await runCli(['export', join(e.MICROENT_DATA_DIR, 'out.txt')], e)
    expect(txt.code).toBe(2)
    expect(txt.stderr).toContain('只能导出为 .xlsx 或 .csv')
    expect(txt.stderr).not.toContain('Export writes')
    const skipped = await runCli(['submit', '--yes', '--skip-invalid', '--file', csv], e)
    expect(skipped.code).toBe(0)
    expect(skipped.stderr).toContain('已跳过')
    const queued = JSON.parse((await runCli(['list', '--json'], e)).stdout) as { keyword: string }[]
    expect(queued.map((j) => j.keyword).sort()).toEqual(['某某科技有限公司', '甲乙贸易有限公司'].sort())
  })
})

describe('microent CLI output', () => {
  it('ends normally when the reader of its output goes away (microent list | head -1)', async () => {
    const { spawn } = await import('node:child_process')
    const script = "const { processIo } = await import('./src/cli/io.ts'); const io = processIo(); for (let i = 0; i < 100000; i++) io.out('第 ' + i + ' 行'); io.err('finished')"
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (d) => (stderr += d))
    child.stdout.once('data', () => child.stdout.destroy())
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)))
    expect(stderr).not.toContain('EPIPE')
    expect(stderr).toContain('finished')
    expect(code).toBe(0)
  })
})
