// The CLI's Node bundle (scripts/build-cli.mjs, what bin/microent.mjs runs), built into a folder of its own: the
// workers it starts are beside the chunks that ask for them, it reaches no devDependency, it runs, and a bundle
// whose sources changed counts as stale (bin/microent.mjs then rebuilds it instead of running it).
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildCli, cliBundleState, CLI_BUNDLE } from '../../../scripts/build-cli.mjs'

const root = process.cwd()
// Two levels under the project, as out/cli is: the bundle finds package.json at ../../package.json.
const outDir = join(root, '.tmp', `cli-bundle-test-${process.pid}`)

beforeAll(async () => {
  await buildCli({ outDir })
}, 60_000)

afterAll(() => rmSync(outDir, { recursive: true, force: true }))

const builtFiles = () => readdirSync(outDir).filter((f) => /\.m?js$/.test(f))

describe('the CLI bundle', () => {
  it('starts every worker from a file beside the chunk that names it', () => {
    const workers = new Set<string>()
    for (const file of builtFiles()) {
      for (const m of readFileSync(join(outDir, file), 'utf8').matchAll(/new URL\("\.\/([^"]+\.m?js)", import\.meta\.url\)/g)) {
        expect(existsSync(join(outDir, m[1] as string)), `${m[1]} beside ${file}`).toBe(true)
        workers.add(m[1] as string)
      }
    }
    expect([...workers].sort()).toEqual(['export-worker.js', 'sheet-reader.mjs'])
  })

  it('reads the version from the project package.json, from wherever its code sits in the bundle', () => {
    const urls = new Set<string>()
    for (const file of builtFiles()) for (const m of readFileSync(join(outDir, file), 'utf8').matchAll(/new URL\("([^"]*package\.json)"/g)) urls.add(m[1] as string)
    expect([...urls]).toEqual(['../../package.json'])
  })

  it('imports only Node built-ins: dependencies are bundled in, devDependencies never reached', () => {
    for (const file of builtFiles()) {
      const code = readFileSync(join(outDir, file), 'utf8')
      const specs = [...code.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s*"([^"]+)"/gm), ...code.matchAll(/\bimport\s*\(\s*"([^"]+)"\s*\)/g)].map((m) => m[1] as string)
      for (const spec of specs) expect(spec.startsWith('./') || spec.startsWith('node:') || builtinModules.includes(spec), `${spec} in ${file}`).toBe(true)
    }
  })

  it('runs: list --json on an empty data folder, an unknown command exits 2', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'microent-cli-bundle-'))
    try {
      const script = `const { main } = await import(${JSON.stringify(pathToFileURL(join(outDir, CLI_BUNDLE)).href)}); process.exitCode = await main(process.argv.slice(1))`
      const run = (...args: string[]) =>
        spawnSync(process.execPath, ['--input-type=module', '-e', script, ...args], { env: { PATH: process.env.PATH ?? '', HOME: dataDir, MICROENT_DATA_DIR: dataDir, LANG: 'en_US.UTF-8' }, encoding: 'utf8', timeout: 30_000 })
      const list = run('list', '--json')
      expect(list.stderr).toBe('')
      expect([list.status, JSON.parse(list.stdout)]).toEqual([0, []])
      const unknown = run('frobnicate')
      expect(unknown.status).toBe(2)
      expect(unknown.stderr).toContain('frobnicate')
      // list and show are built apart (their own CliError): a refusal there is still a usage error.
      const badStatus = run('list', '--status', 'bogus')
      expect([badStatus.status, badStatus.stderr]).toEqual([2, expect.stringContaining('bogus')])
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('counts as stale once a file it was built from changed or went, and as missing without its list of inputs', () => {
    expect(cliBundleState(outDir)).toBe('fresh')
    const inputsFile = join(outDir, 'inputs.json')
    const saved = readFileSync(inputsFile, 'utf8')
    try {
      const inputs = JSON.parse(saved) as { root: string; files: Record<string, number> }
      expect(Object.keys(inputs.files)).toEqual(expect.arrayContaining(['src/cli/main.ts', 'src/core/xlsx/export-worker.ts', 'package.json', 'package-lock.json']))
      expect(Object.keys(inputs.files).some((f) => f.startsWith('node_modules/'))).toBe(false)
      writeFileSync(inputsFile, JSON.stringify({ ...inputs, files: { ...inputs.files, 'src/cli/main.ts': 1 } }))
      expect(cliBundleState(outDir)).toBe('stale')
      writeFileSync(inputsFile, JSON.stringify({ ...inputs, files: { ...inputs.files, 'src/cli/gone.ts': 1 } }))
      expect(cliBundleState(outDir)).toBe('stale')
      rmSync(inputsFile)
      expect(cliBundleState(outDir)).toBe('missing')
    } finally {
      writeFileSync(inputsFile, saved)
    }
    expect(cliBundleState(outDir)).toBe('fresh')
  })

  it('reads a domain of the catalogue only when one of its codes is rendered, and loads no network stack to list', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'microent-cli-bundle-'))
    try {
      // What the run loaded, written at exit: the domain files read (CommonJS, beside the bundle) and whether node:net was.
      const script = `const { main } = await import(${JSON.stringify(pathToFileURL(join(outDir, CLI_BUNDLE)).href)}); process.exitCode = await main(process.argv.slice(1)); process.on('exit', () => process.getBuiltinModule('node:fs').writeSync(2, JSON.stringify({ domains: Object.keys(process.getBuiltinModule('node:module')._cache).filter((f) => f.startsWith(${JSON.stringify(outDir)})).map((f) => f.slice(${outDir.length + 1})), net: process.moduleLoadList.includes('NativeModule net') })))`
      const run = (...args: string[]) => {
        const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, ...args], { env: { PATH: process.env.PATH ?? '', HOME: dataDir, MICROENT_DATA_DIR: dataDir, LANG: 'en_US.UTF-8' }, encoding: 'utf8', timeout: 30_000 })
        return { status: r.status, stdout: r.stdout, loaded: JSON.parse(r.stderr.slice(r.stderr.lastIndexOf('{'))) as { domains: string[]; net: boolean } }
      }
      const list = run('list', '--json')
      expect([list.status, JSON.parse(list.stdout), list.loaded]).toEqual([0, [], { domains: [], net: false }])
      const unknown = run('frobnicate')
      expect([unknown.status, unknown.loaded.domains]).toEqual([2, ['messages-cli.cjs']])
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('has the catalogue of the sources: every code in the same order, rendering its example alike in both languages', async () => {
    const { build } = await import('esbuild')
    const { lazyCatalogue } = await import('../../../scripts/cli-catalogue.mjs')
    const index = join(root, 'src', 'shared', 'messages', 'index.ts')
    const { source, files } = await lazyCatalogue(build, index)
    const dir = join(outDir, 'catalogue-test')
    mkdirSync(dir, { recursive: true })
    const bundled = await build({ stdin: { contents: source, resolveDir: dirname(index), loader: 'ts' }, bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'silent' })
    writeFileSync(join(dir, 'index.mjs'), bundled.outputFiles[0]!.text)
    for (const f of files) writeFileSync(join(dir, f.name), f.contents)
    const real = await import('../../../src/shared/messages')
    const lazy = (await import(pathToFileURL(join(dir, 'index.mjs')).href)) as typeof real
    expect(Object.keys(lazy.catalogue)).toEqual(Object.keys(real.catalogue))
    for (const [code, e] of Object.entries(real.catalogue)) {
      for (const lang of ['zh-CN', 'en'] as const) {
        expect(lazy.render({ code, params: e.example }, lang), `${code} in ${lang}`).toBe(real.render({ code, params: e.example }, lang))
      }
    }
    expect(lazy.isMessageCode('no.such.code')).toBe(false)
  })
})
