/**
 * No module of src/ imports itself through others (issue 15: "break the import cycles"): every static import and
 * re-export, types included, since a loop of types is a loop of meaning too. Lazy `import()` is left out: it is how
 * a module asks for a large one later, and cannot deadlock module evaluation.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(__dirname, '../../..')
const SOURCE = /\.(ts|mts|mjs|vue)$/
const STATIC_IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?:type\s+)?(?:[^'"`;]*?\sfrom\s+)?['"](\.[^'"]+)['"]/g

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path) : SOURCE.test(name) && !name.endsWith('.d.ts') ? [path] : []
  })
}

function resolveImport(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec.replace(/\?.*$/, ''))
  for (const candidate of [base, `${base}.ts`, `${base}.mts`, join(base, 'index.ts'), base.replace(/\.js$/, '.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate
  }
  return null
}

/** Strongly connected components of more than one module (or a module importing itself), by Tarjan's algorithm. */
function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0
  const stack: string[] = []
  const on = new Set<string>()
  const idx = new Map<string, number>()
  const low = new Map<string, number>()
  const found: string[][] = []
  const visit = (v: string): void => {
    idx.set(v, index)
    low.set(v, index++)
    stack.push(v)
    on.add(v)
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!))
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = []
      let w: string
      do {
        w = stack.pop()!
        on.delete(w)
        scc.push(w)
      } while (w !== v)
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(scc.sort())
    }
  }
  for (const v of graph.keys()) if (!idx.has(v)) visit(v)
  return found
}

function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  for (const file of files(join(ROOT, 'src'))) {
    const text = readFileSync(file, 'utf8')
    const targets = [...text.matchAll(STATIC_IMPORT)].map((m) => resolveImport(file, m[1] as string)).filter((t): t is string => t !== null)
    graph.set(file, [...new Set(targets)])
  }
  return graph
}

describe('the import graph of src/', () => {
  it('has no cycles', () => {
    const found = cycles(importGraph()).map((scc) => scc.map((f) => relative(ROOT, f)))
    expect(found).toEqual([])
  })

  it('would name a cycle (the check itself works)', () => {
    const g = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ])
    expect(cycles(g)).toEqual([['a', 'b', 'c']])
  })

  it('reads the imports of the real tree (a module known to import others has edges)', () => {
    const graph = importGraph()
    const services = graph.get(join(ROOT, 'src/core/services.ts')) ?? []
    expect(services.map((f) => relative(ROOT, f))).toContain('src/core/jobs/engine.ts')
  })
})
