// `microent export` end to end: the real CLI as a child process. bin/microent.mjs registers tsx through its API
// (not `--import tsx`), so this checks the export worker is found and started from source that way too.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as XLSX from 'xlsx'
import { afterAll, describe, expect, it } from 'vitest'
import { openNodeHost } from '../../src/core/node-host'
import { runCli } from '../helpers/cli'
import { makeJob } from '../helpers/jobs'
import { internals } from '../../src/core/services-internals'

const dataDir = mkdtempSync(join(tmpdir(), 'microent-cli-export-'))
const env = { MICROENT_DATA_DIR: dataDir, JUHE_KEY: 'test-key', JUHE_BASE_URL: 'http://127.0.0.1:9' }
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

describe('microent export', () => {
  it('writes the queued lookups to xlsx and csv through the export worker', async () => {
    const submit = await runCli(['submit', '--yes', '成都成电光信科技股份有限公司'], env)
    expect(submit.code).toBe(0)
    // A keyword like a formula is refused today; one stored before that rule must still export defused.
    const host = openNodeHost({ dataDir, app: 'test', key: () => 'test-key', baseUrl: 'http://127.0.0.1:9', timeScale: 1 })
    const formula = '=HYPERLINK("x")有限公司'
    internals(host.services).repo.put(makeJob({ keyword: formula, normalized: formula, createdAt: Date.now() }), { critical: true })
    await host.close()

    const xlsx = join(dataDir, '导出.xlsx')
    const run = await runCli(['export', xlsx], env)
    expect(run.stderr).toContain(`已导出 2 项到 ${xlsx}`)
    expect(run.code).toBe(0)
    const wb = XLSX.read(readFileSync(xlsx), { type: 'buffer' })
    expect(wb.SheetNames).toEqual(['查询结果', '未完成', '说明'])
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['未完成'] as XLSX.WorkSheet, { header: 1 })
    expect(rows.slice(1).map((r) => [r[0], r[2]])).toEqual([
      ['成都成电光信科技股份有限公司', '排队中'],
      [`'=HYPERLINK("x")有限公司`, '排队中'],
    ])

    const csv = join(dataDir, 'out.csv')
    expect((await runCli(['export', csv, '--status', 'queued'], env)).code).toBe(0)
    expect(readFileSync(csv, 'utf8').split('\r\n')).toHaveLength(4)
    expect(readdirSync(dataDir).filter((n) => n.endsWith('.tmp'))).toEqual([])
  })

  it('reports a missing folder with the typed message and exit code 1', async () => {
    const run = await runCli(['export', join(dataDir, 'gone', 'a.xlsx')], env)
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(`保存位置「${join(dataDir, 'gone')}」不存在`)
    expect(run.stderr).not.toContain('does not exist')
    const en = await runCli(['export', '--lang', 'en', join(dataDir, 'gone', 'a.xlsx')], env)
    expect(en.stderr).toContain('does not exist')
  })
})
