// Node built-ins that the CLI bundle (build-cli.mjs) loads only when one of their functions is first called:
// node:crypto (~2.5 ms to load; `list` on a folder without charged calls never hashes) and node:net (the network
// stack, for the team mode's address check, which a local `list` never makes). An ESM import of a built-in loads it
// at start and also builds a facade that reads every export once, which runs Node's lazy getters (node:crypto's
// `webcrypto` loads WebCrypto).
//
// A source file gets the lazy module only when everything it imports from the built-in is a function (a class or a
// value is imported as usual), and bundled dependencies always get Node's own (pg reads `webcrypto`, conf imports
// the default).
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const NAMESPACE = 'microent-lazy-builtin'
const LAZY = ['crypto', 'net']

/** The function exports of a built-in (lower-case names: classes and values excluded). */
function functionsOf(name) {
  const mod = require(`node:${name}`)
  return Object.getOwnPropertyNames(mod).filter((key) => {
    const d = Object.getOwnPropertyDescriptor(mod, key)
    return /^[a-z]/.test(key) && typeof d?.value === 'function'
  })
}

/** Each function export, loading the built-in on its first call. */
function lazyModule(name) {
  return [
    'let mod',
    `const load = () => (mod ??= process.getBuiltinModule(${JSON.stringify(`node:${name}`)}))`,
    ...functionsOf(name).map((f) => `export function ${f}(...args) { return load().${f}(...args) }`),
  ].join('\n')
}

/** The names a source file imports from a built-in (type-only ones left out); null when it imports the module whole. */
function importedNames(source, name) {
  const names = []
  const from = String.raw`\s+from\s+['"](?:node:)?${name}['"]`
  if (new RegExp(String.raw`import\s+(?!type\s)[\w$*][^'"{]*${from}`).test(source)) return null
  for (const m of source.matchAll(new RegExp(String.raw`import\s+(type\s+)?\{([^}]*)\}${from}`, 'g'))) {
    if (m[1]) continue
    for (const part of m[2].split(',')) {
      const spec = part.trim()
      if (spec && !spec.startsWith('type ')) names.push(spec.split(/\s+as\s+/)[0])
    }
  }
  return names
}

/** True for a metafile input that is one of this plugin's modules (no file to watch for changes). */
export function isBuiltinInput(input) {
  return input.startsWith(`${NAMESPACE}:`)
}

/** The esbuild plugin. */
export function builtinsPlugin() {
  const functions = new Map(LAZY.map((name) => [name, new Set(functionsOf(name))]))
  return {
    name: 'microent-lazy-builtins',
    setup(build) {
      build.onResolve({ filter: new RegExp(`^(node:)?(${LAZY.join('|')})$`) }, (args) => {
        if (args.kind !== 'import-statement' || /[\\/]node_modules[\\/]/.test(args.importer)) return undefined
        const name = args.path.replace(/^node:/, '')
        const names = importedNames(readFileSync(args.importer, 'utf8'), name)
        if (!names || !names.every((n) => functions.get(name).has(n))) return undefined
        return { path: `node:${name}`, namespace: NAMESPACE }
      })
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({ contents: lazyModule(args.path.slice(5)), loader: 'js' }))
    },
  }
}
