// Bundles the CLI for plain Node with esbuild: out/cli/microent.mjs (exports `main`; bin/microent.mjs runs it) and
// the two worker entries it starts, beside it under the names the core computes from its own module's URL
// (`new URL('./sheet-reader.mjs', import.meta.url)`, `new URL('./export-worker.js', import.meta.url)`), as
// electron-vite places them for main. Each command and lazily imported code (the Excel import and export) is split
// into chunks in the same folder, so every chunk that asks for a worker finds it beside itself. Production
// dependencies are bundled in; out/cli/inputs.json records every source file and its mtime, so a stale bundle is
// noticed (cliBundleState) and rebuilt, never run.
//
//   node scripts/build-cli.mjs [--if-stale] [--out DIR]
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

import { CLI_BUNDLE, CLI_OUT_DIR, cliBundleState, INPUTS, ROOT } from './cli-bundle-state.mjs'

export { CLI_BUNDLE, CLI_OUT_DIR, cliBundleState, ROOT }
// Bundled CommonJS dependencies (conf's ajv) require Node built-ins; kept only in the files that call require.
const BANNER = "import { createRequire as __microentRequire } from 'node:module'; const require = __microentRequire(import.meta.url);"
// `list` and `show`, the read-only commands a script runs most, are built apart: in the one build with every other
// command, the modules they reach fall into ~20 chunks (esbuild makes a chunk of each set of commands sharing
// modules), and Node reads and links each file on its own (~1 ms each). Apart, they are one file plus the chunks of
// what they load lazily. They share no state with the rest but CliError, which main.ts recognises from any copy
// (CliError.is); the catalogue's domain files are the same files.
const APART = { name: 'query', source: 'src/cli/commands/query.ts', specifier: './commands/query' }

function apartPlugin() {
  return {
    name: 'microent-apart',
    setup(build) {
      build.onResolve({ filter: /^\.\/commands\/query$/ }, (args) =>
        args.kind === 'dynamic-import' && args.importer.endsWith(join('src', 'cli', 'main.ts')) ? { path: `./${APART.name}.mjs`, external: true } : undefined,
      )
    },
  }
}

// The other scripts a bundle is built by: a change to one makes it stale like a source's.
const SCRIPTS = ['cli-builtins.mjs', 'cli-catalogue.mjs', 'cli-bundle-state.mjs']

/**
 * Builds into a private folder beside outDir and moves each file into place by rename, so concurrent builders
 * (parallel test processes) and readers never see a half-written file.
 */
export async function buildCli({ outDir = CLI_OUT_DIR, root = ROOT } = {}) {
  const { build } = await import('esbuild')
  const [{ builtinsPlugin, isBuiltinInput }, { lazyCataloguePlugin }] = await Promise.all([import('./cli-builtins.mjs'), import('./cli-catalogue.mjs')])
  const work = `${outDir}.build-${process.pid}-${Date.now()}`
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  // Stat before building: a file saved during the build then reads as changed, and the next start rebuilds.
  const before = Date.now()
  const catalogue = { files: [], inputs: [] }
  try {
    const options = {
      absWorkingDir: root,
      outdir: work,
      outExtension: { '.js': '.mjs' },
      chunkNames: 'chunk-[hash]',
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20.19',
      // Production dependencies are bundled in: Node then resolves and reads one file where conf alone is ~100
      // (start-up ~40% faster). devDependencies stay imports, so a test sees one reached from the CLI.
      external: Object.keys(pkg.devDependencies ?? {}),
      banner: { js: BANNER },
      metafile: true,
      logLevel: 'warning',
      legalComments: 'none',
    }
    const result = await build({
      ...options,
      entryPoints: {
        microent: 'src/cli/main.ts',
        'sheet-reader': 'src/core/xlsx/sheet-reader.mjs',
        'export-worker': 'src/core/xlsx/export-worker.ts',
      },
      plugins: [builtinsPlugin(), lazyCataloguePlugin(catalogue), apartPlugin()],
    })
    const apart = await build({ ...options, entryPoints: { [APART.name]: APART.source }, plugins: [builtinsPlugin(), lazyCataloguePlugin({})] })
    // export-worker-host.ts asks for `export-worker.js` (the name main's build gives it).
    renameSync(join(work, 'export-worker.mjs'), join(work, 'export-worker.js'))
    for (const f of catalogue.files) writeFileSync(join(work, f.name), f.contents)
    // A file that never calls require goes without the banner: creating a require costs each chunk loaded. (The
    // word in a text is not a call; a call missed here would fail every test that reaches it.)
    for (const name of readdirSync(work).filter((n) => /\.m?js$/.test(n))) {
      const code = readFileSync(join(work, name), 'utf8')
      if (code.startsWith(BANNER) && !/(?:^|[^\w$."'`-])require\s*[(.]|typeof require\b/m.test(code.slice(BANNER.length))) writeFileSync(join(work, name), code.slice(BANNER.length))
    }
    const files = {}
    // Dependencies count through the lockfile (one stat instead of one per file of theirs).
    // Node's built-ins (virtual modules of cli-builtins.mjs) have no file; cli-builtins.mjs itself is counted.
    // The catalogue's domain files are built apart (cli-catalogue.mjs) from sources of their own.
    const domainSources = catalogue.inputs.map((f) => relative(root, f).split(sep).join('/'))
    const sources = [...new Set([...Object.keys(result.metafile.inputs), ...Object.keys(apart.metafile.inputs), ...domainSources])].filter((f) => !f.startsWith('node_modules/') && !isBuiltinInput(f))
    for (const input of [...sources, 'package.json', 'package-lock.json', relative(root, fileURLToPath(import.meta.url)), ...SCRIPTS.map((p) => relative(root, fileURLToPath(new URL(p, import.meta.url))))]) {
      const { mtimeMs } = statSync(join(root, input))
      // Saved while esbuild was reading: the bundle may hold either version, so it counts as stale at once.
      files[input] = mtimeMs >= before ? -1 : mtimeMs
    }
    writeFileSync(join(work, INPUTS), JSON.stringify({ root: relative(outDir, root) || '.', version: pkg.version, files }, null, 1))
    mkdirSync(outDir, { recursive: true })
    const names = readdirSync(work)
    // The inputs list goes last: until it is in place, a reader sees the old list (or none) and rebuilds.
    for (const name of names.filter((n) => n !== INPUTS)) renameSync(join(work, name), join(outDir, name))
    renameSync(join(work, INPUTS), join(outDir, INPUTS))
    // Chunks of earlier builds that nothing names any more, once no CLI started before can still load them lazily.
    for (const name of readdirSync(outDir)) {
      if (name.startsWith('chunk-') && !names.includes(name) && statSync(join(outDir, name)).mtimeMs < before - 3_600_000) rmSync(join(outDir, name), { force: true })
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
  return outDir
}

/** Builds when the bundle is missing or stale; says whether it did. */
export async function ensureCli(outDir = CLI_OUT_DIR) {
  if (cliBundleState(outDir) === 'fresh') return false
  await buildCli({ outDir })
  return true
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2)
  const outAt = args.indexOf('--out')
  const outDir = outAt >= 0 ? resolve(args[outAt + 1]) : CLI_OUT_DIR
  const started = Date.now()
  const built = args.includes('--if-stale') ? await ensureCli(outDir) : (await buildCli({ outDir }), true)
  if (built) console.log(`CLI bundle: ${relative(process.cwd(), join(outDir, CLI_BUNDLE))} (${Date.now() - started} ms)`)
}
