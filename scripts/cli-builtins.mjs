// How the CLI bundle (build-cli.mjs) reaches Node's built-in modules from our sources. An ESM `import` of a built-in
// builds a facade that reads every export once, which runs Node's lazy getters: node:fs's `ReadStream` loads the
// whole streams stack, node:crypto's `webcrypto` WebCrypto, node:util's `MIMEType` the MIME parser. Here each
// source file's named imports are read off process.getBuiltinModule's object instead, touching only the names the
// file imports (a getter that yields a function is called through on use). node:crypto (~2.5 ms to load; `list` on
// a folder without charged calls never hashes) and node:net (the network stack, for the team mode's address check,
// which a local `list` never makes) load only when one of their functions is first called.
//
// Each importing file gets a module of its own, holding just its names, so esbuild places it in that file's chunk
// (a module shared by many would be a chunk of its own: one more file to load). A file that imports a default, a
// namespace, or a name this cannot read so (a getter yielding a class, a LAZY module's class) gets Node's module as
// usual; so do bundled dependencies (pg reads `webcrypto`, conf imports the default).
import { readFileSync } from 'node:fs'
import { builtinModules, createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const NAMESPACE = 'microent-builtin'
const LAZY = new Set(['crypto', 'net'])
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/

/** How a name of a built-in is read: 'value' at load, 'call' through a function on use, null not at all. */
function howToRead(name, key) {
  const mod = require(`node:${name}`)
  const d = Object.getOwnPropertyDescriptor(mod, key)
  if (!d || !IDENTIFIER.test(key)) return null
  const fn = /^[a-z]/.test(key) && typeof ('value' in d ? d.value : mod[key]) === 'function'
  if (LAZY.has(name) || !('value' in d)) return fn ? 'call' : null
  return 'value'
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

/** The module one file imports: its names, read as howToRead says. */
function moduleSource(name, names) {
  const get = `process.getBuiltinModule(${JSON.stringify(`node:${name}`)})`
  const lines = [LAZY.has(name) ? `let __builtin\nconst __load = () => (__builtin ??= ${get})` : `const __builtin = ${get}\nconst __load = () => __builtin`]
  for (const key of names) {
    lines.push(howToRead(name, key) === 'value' ? `export const ${key} = __builtin.${key}` : `export function ${key}(...args) { return __load().${key}(...args) }`)
  }
  return lines.join('\n')
}

/** True for a metafile input that is one of this plugin's modules (no file to watch for changes). */
export function isBuiltinInput(input) {
  return input.startsWith(`${NAMESPACE}:`)
}

/** The esbuild plugin. */
export function builtinsPlugin() {
  const builtins = new Set(builtinModules)
  return {
    name: 'microent-builtins',
    setup(build) {
      build.onResolve({ filter: /^(node:)?[a-z_/]+$/ }, (args) => {
        const name = args.path.replace(/^node:/, '')
        if (!builtins.has(name) || args.kind !== 'import-statement' || /[\\/]node_modules[\\/]/.test(args.importer)) return undefined
        const names = importedNames(readFileSync(args.importer, 'utf8'), name)
        if (!names || names.some((key) => !howToRead(name, key))) return undefined
        // A path per importing file and name list: the module lands in the importer's chunk.
        return { path: `node:${name}?${[...new Set(names)].sort().join(',')}&${args.importer}`, namespace: NAMESPACE }
      })
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => {
        const [, name, list] = /^node:([^?]+)\?([^&]*)&/.exec(args.path)
        return { contents: moduleSource(name, list ? list.split(',') : []), loader: 'js' }
      })
    },
  }
}
