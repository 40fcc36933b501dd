import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EXIT } from '../../../../src/cli/io'
import { EXAMPLE_COMPANY } from '../../../../src/sim/dataset'
import { cli, useLookedUpFolder } from '../cli-harness'

let env: NodeJS.ProcessEnv
const UNKNOWN = '查无此企业的导出测试有限公司'
useLookedUpFolder(UNKNOWN, (e) => (env = e))

const out = (name: string) => join(env.MICROENT_DATA_DIR!, '..', `${process.pid}-${Date.now()}-${name}`)

describe('export', () => {
  it('writes every lookup to a CSV, saying how many rows', async () => {
    const file = out('all.csv')
    const r = await cli(['export', file], env)
    expect(r.code).toBe(EXIT.OK)
    expect(r.err).toBe(`已导出 2 项到 ${file}`)
    const en = await cli(['export', file, '--lang', 'en'], env)
    expect(en.err).toBe(`Exported 2 lookups to ${file}`)
    const text = readFileSync(file, 'utf8')
    expect(text).toContain(EXAMPLE_COMPANY.credit_no)
    expect(text).toContain(UNKNOWN)
  })

  it('keeps to --status', async () => {
    const file = out('done.csv')
    expect((await cli(['export', file, '--status', 'done'], env)).code).toBe(EXIT.OK)
    const text = readFileSync(file, 'utf8')
    expect(text).toContain(EXAMPLE_COMPANY.credit_no)
    expect(text).not.toContain(UNKNOWN)
  })

  it('writes an .xlsx workbook', async () => {
    const file = out('all.xlsx')
    expect((await cli(['export', file], env)).code).toBe(EXIT.OK)
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK')
  })

  it('needs a path ending in .xlsx or .csv, and a known status (exit 2), writing nothing', async () => {
    expect((await cli(['export'], env)).code).toBe(EXIT.USAGE)
    const pdf = out('x.pdf')
    expect((await cli(['export', pdf], env)).code).toBe(EXIT.USAGE)
    expect((await cli(['export', pdf], env)).err).toBe(`只能导出为 .xlsx 或 .csv：${pdf}\n用法：microent export <out.xlsx|out.csv> [--status S]`)
    expect((await cli(['export', pdf, '--lang', 'en'], env)).err).toBe(`Export writes .xlsx or .csv only: ${pdf}\nUsage: microent export <out.xlsx|out.csv> [--status S]`)
    expect(existsSync(pdf)).toBe(false)
    expect((await cli(['export', out('x.csv'), '--status', 'finished'], env)).code).toBe(EXIT.USAGE)
  })

  it('fails with exit 1 when the file cannot be written', async () => {
    const r = await cli(['export', join(env.MICROENT_DATA_DIR!, 'no-such-folder', 'x.csv')], env)
    expect(r.code).toBe(EXIT.FAILURE)
  })
})
