/**
 * The driver shared by the xlsx benches: every (size, case) runs in a fresh child process (`--one`), so peak
 * RSS and JIT warm-up are its own, and the parent prints one table.
 *   parent:  node --import tsx bench/x.ts [rows...]
 *   child:   node --expose-gc --import tsx bench/x.ts --one <case> <rows> <arg>
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { printTable } from './xlsx-fixtures'

export interface CaseBench<C extends string, R> {
  /** Prefix of the temp folder. */
  name: string
  cases: readonly C[]
  /** Once per size, in the parent: prepares inputs in `dir` and says which argument each case gets. */
  prepare?: (rows: number, dir: string) => Promise<(kind: C) => string> | ((kind: C) => string)
  /** In the child: runs one case and returns what it measured (printed as one JSON line). */
  runOne: (kind: C, rows: number, arg: string) => Promise<R>
  /** In the parent: one table row from a child's result. */
  row: (result: R & { kind: C; rows: number }) => Record<string, string | number>
  title: string | (() => string)
}

/** Call from the bench module's top level with its own `import.meta.url`. */
export async function runCaseBench<C extends string, R>(moduleUrl: string, bench: CaseBench<C, R>): Promise<void> {
  const args = process.argv.slice(2)
  if (args[0] === '--one') {
    const [kind, rows, arg] = [args[1] as C, Number(args[2]), args[3] ?? '']
    console.log(JSON.stringify({ kind, rows, ...(await bench.runOne(kind, rows, arg)) }))
    return
  }
  const sizes = args.length ? args.map(Number) : [10_000, 100_000]
  const dir = mkdtempSync(join(tmpdir(), `${bench.name}-`))
  const self = fileURLToPath(moduleUrl)
  const table: Record<string, string | number>[] = []
  try {
    for (const rows of sizes) {
      const argFor = bench.prepare ? await bench.prepare(rows, dir) : () => dir
      for (const kind of bench.cases) {
        const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', self, '--one', kind, String(rows), argFor(kind)], {
          encoding: 'utf8',
          maxBuffer: 1 << 24,
        })
        table.push(bench.row(JSON.parse(out.trim().split('\n').pop() as string)))
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  printTable(typeof bench.title === 'function' ? bench.title() : bench.title, table)
}
