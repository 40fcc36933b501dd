import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { EXAMPLE_COMPANY } from '../../../src/sim/dataset'
import type { SimStats } from '../../../src/sim/server'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))

describe('sim main (the CLI entry)', () => {
  let child: ChildProcess | undefined
  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL')
    child = undefined
  })

  it('starts, serves, and stops on SIGTERM', async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'src/sim/main.ts', '--port', '0', '--key', 'cli-key', '--fixed-delay-ms', '0'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const proc = child
    const lines = createInterface({ input: proc.stdout! })
    const first = await new Promise<string>((resolve, reject) => {
      lines.once('line', resolve)
      proc.once('exit', (code) => reject(new Error(`exited ${code}`)))
    })
    const m = /^Juhe simulator listening on (http:\/\/127\.0\.0\.1:(\d+)) \(key: cli-key\)$/.exec(first)
    expect(m, first).not.toBeNull()
    const base = m![1]!
    const body = new URLSearchParams({ key: 'cli-key', keyword: EXAMPLE_COMPANY.credit_no }).toString()
    const res = await fetch(`${base}/enterprise/App/MicroEnt/query`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body })
    expect(((await res.json()) as { error_code: number }).error_code).toBe(0)
    expect(((await (await fetch(`${base}/__sim/stats`)).json()) as SimStats).chargedByKeyword).toEqual({ [EXAMPLE_COMPANY.credit_no]: 1 })

    const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)))
    proc.kill('SIGTERM')
    expect(await exited).toBe(0)
  })
})
