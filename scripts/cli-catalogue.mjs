// The message catalogue in the CLI bundle (build-cli.mjs): each domain's texts are a file of their own beside the
// bundle (messages-<domain>.cjs), read when one of the domain's codes is first rendered.
//
// Why: the catalogue is ~170 KB of entries (every text of the app, the window's included); reading and compiling
// all of it was the largest single cost of a CLI start (~7 ms of ~30 over bare Node), while `list --json` renders
// a handful of codes, often none. src/shared/messages/index.ts stays as it is (the app, the window and the tests
// use it unchanged); here its `catalogue` object is rebuilt with one getter per code that loads the code's domain
// (a synchronous require, as rendering is synchronous) and then puts the domain's entries in place as plain
// values. Codes, their order, and which domain wins a code two domains define are read from the built domain
// files themselves, so the object has the same keys in the same order with the same entries. A domain file holds
// only texts (its own copy of define.ts's helpers), so loading it apart shares no state with the bundle. Anything
// in index.ts this does not recognise fails the build, rather than shipping a catalogue that differs.
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { basename, dirname, resolve } from 'node:path'

const INDEX = /[\\/]src[\\/]shared[\\/]messages[\\/]index\.ts$/
const IMPORT = /^import \{ (\w+Messages) \} from '\.\/([\w-]+)'\n/gm
const CATALOGUE = /^export const catalogue = \{\n((?: {2}\.\.\.\w+Messages,\n)+)\}\n/m

/** Each domain bundled on its own as CommonJS (the files the CLI loads), and its codes, read by running the file. */
async function buildDomains(build, dir, domains) {
  const out = await build({
    absWorkingDir: dir,
    entryPoints: Object.fromEntries(domains.map((d) => [domainFile(d), `./${d.file}.ts`])),
    outdir: dir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20.19',
    write: false,
    metafile: true,
    logLevel: 'silent',
    legalComments: 'none',
  })
  const files = out.outputFiles.map((f) => ({ name: basename(f.path), contents: f.text }))
  const codes = new Map()
  for (const d of domains) {
    const text = files.find((f) => f.name === `${domainFile(d)}.cjs`).contents
    const module = { exports: {} }
    new Function('module', 'exports', 'require', text)(module, module.exports, createRequire(import.meta.url))
    codes.set(d.name, Object.keys(module.exports[d.name]))
  }
  const inputs = Object.keys(out.metafile.inputs).map((f) => resolve(dir, f))
  return { files, codes, inputs }
}

const domainFile = (d) => `messages-${d.file}`

/**
 * index.ts with its `catalogue` built lazily, and the domain files it loads; throws when index.ts is not in the shape
 * this knows.
 */
export async function lazyCatalogue(build, file) {
  const source = await readFile(file, 'utf8')
  const imports = [...source.matchAll(IMPORT)].map((m) => ({ name: m[1], file: m[2], text: m[0] }))
  const literal = CATALOGUE.exec(source)
  if (!literal) throw new Error(`${file}: no \`export const catalogue = { ...xMessages, ... }\` found for the CLI's lazy catalogue`)
  const spread = [...literal[1].matchAll(/\.\.\.(\w+Messages)/g)].map((m) => m[1])
  const imported = imports.map((d) => d.name)
  if (spread.length !== imported.length || spread.some((n) => !imported.includes(n))) {
    throw new Error(`${file}: the catalogue spreads ${spread.join(', ')} but imports ${imported.join(', ')}; the CLI's lazy catalogue needs the same domains in both`)
  }
  const domains = spread.map((name) => imports.find((d) => d.name === name))
  const { files, codes, inputs } = await buildDomains(build, dirname(file), domains)
  // Object spread: a code keeps the place it first appeared at and the entry of the last domain that defines it.
  const owner = new Map()
  for (const d of domains) for (const code of codes.get(d.name)) owner.set(code, d.name)
  const codeList = [...owner.keys()]
  const domainOf = codeList.map((c) => domains.findIndex((d) => d.name === owner.get(c)))
  const lazy = `export const catalogue: Record<string, unknown> = {}
{
  let domainRequire: NodeJS.Require | undefined
  const read = (file: string) => (domainRequire ??= process.getBuiltinModule('node:module').createRequire(import.meta.url))(file)
  const loaders: (() => Record<string, unknown>)[] = [
${domains.map((d) => `    () => read('./${domainFile(d)}.cjs').${d.name},`).join('\n')}
  ]
  const codes: string[] = ${JSON.stringify(codeList)}
  const domainOf: number[] = ${JSON.stringify(domainOf)}
  const load = (d: number) => {
    const entries = loaders[d]!()
    codes.forEach((c, i) => {
      if (domainOf[i] === d) Object.defineProperty(catalogue, c, { value: entries[c], writable: true, enumerable: true, configurable: true })
    })
  }
  codes.forEach((code, i) => {
    Object.defineProperty(catalogue, code, { get: () => (load(domainOf[i]!), catalogue[code]), enumerable: true, configurable: true })
  })
}
`
  let out = source.replace(literal[0], lazy)
  for (const d of imports) out = out.replace(d.text, '')
  return { source: out, files, inputs }
}

/**
 * The esbuild plugin. `built` receives the domain files to write beside the bundle and the sources they were built
 * from (for the freshness check), once per build that reaches index.ts.
 */
export function lazyCataloguePlugin(built) {
  return {
    name: 'microent-lazy-catalogue',
    setup(build) {
      build.onLoad({ filter: INDEX }, async (args) => {
        const { source, files, inputs } = await lazyCatalogue(build.esbuild.build, args.path)
        built.files = files
        built.inputs = inputs
        return { contents: source, loader: 'ts', resolveDir: dirname(args.path), watchFiles: inputs }
      })
    },
  }
}
