/**
 * Tests mirror `src/` (issue 15): every module with logic under the roots below has its own test file at the same
 * path under `test/unit` (src/core/jobs/engine.ts -> test/unit/core/jobs/engine.test.ts). Tests of one aspect may sit
 * beside it with a suffix (engine-start.test.ts), but the module's own `<name>.test.ts` must exist. The renderer's
 * TypeScript modules mirror to test/renderer instead, as `<name>.spec.ts` (RENDERER_ROOT below).
 *
 * "Logic" is code that runs: a function, class or enum, a top-level statement, or a const whose value is computed
 * (holds a function, or calls or constructs something). A module of only types, interfaces, re-exports and constant
 * data (literals, arrays and objects of them) needs no test of its own.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

/** The source folders whose modules must have a mirrored test; other folders are added here as they get one. */
export const MIRRORED_ROOTS = ['src/core', 'src/shared', 'src/main', 'src/preload', 'src/cli', 'src/sim', 'src/webhost'] as const

/**
 * The renderer's TypeScript modules (stores, lib, composables, ipc, i18n) mirror to test/renderer, where the renderer's
 * suite (vitest.renderer.config.ts, happy-dom) runs them: src/renderer/src/stores/engine.ts ->
 * test/renderer/stores/engine.spec.ts. Only `.ts` modules: the `.vue` components and views are tested by the component
 * specs beside them (test/renderer/*.spec.ts, mounted with test/renderer/mount.ts) and by the e2e tests in Chromium,
 * by what they show and do rather than file by file.
 */
export const RENDERER_ROOT = { source: 'src/renderer/src', tests: 'test/renderer', suffix: '.spec.ts' } as const

/**
 * Modules with logic that have no unit test of their own, each with the reason. Keep it short: a module belongs here
 * only when a unit test of it makes no sense, not when it is merely hard to test.
 */
export const EXEMPT: Readonly<Record<string, string>> = {
  'src/core/real-time.ts': 'the real clock and timers are Date.now and setTimeout themselves; every test of their users passes fakes',
  // The renderer's catalogue: tables of texts, some of them functions of a count or a name. en is typed by zh-CN
  // (`Messages`), so neither can miss a key; test/renderer/i18n/demo-wording.spec.ts renders every text of both.
  'src/renderer/src/i18n/zh-CN.ts': "the renderer's Chinese catalogue, a table of texts",
  'src/renderer/src/i18n/en.ts': "the renderer's English catalogue, a table of texts",
  'src/renderer/src/i18n/batch.ts': 'a section of the catalogue (the batch view), a table of texts merged into zh-CN.ts and en.ts',
  'src/renderer/src/i18n/evidence.ts': 'a section of the catalogue (history and audit export), a table of texts merged into zh-CN.ts and en.ts',
  'src/renderer/src/i18n/recovery.ts': "a section of the catalogue (the start's recovery report), a table of texts merged into zh-CN.ts and en.ts",
  'src/renderer/src/i18n/submit.ts': 'a section of the catalogue (the submit page), a table of texts merged into zh-CN.ts and en.ts',
  'src/renderer/src/i18n/team.ts': 'a section of the catalogue (team mode: settings, header, banner), a table of texts merged into zh-CN.ts and en.ts',
  'src/renderer/src/main.ts': "the renderer's composition root: creates the app, mounts it and marks the time; the e2e tests in Chromium start it",
  'src/renderer/src/early-entry.ts': "index.html's entry script: startEarly() (test/renderer/ipc/early.spec.ts) then the app's import; the e2e tests load it",
}

// .js: the browser host's classic script (src/webhost/public/api.js) has logic too.
const SOURCE = /\.(ts|mts|mjs|js)$/
const DECLARATION = /\.d\.(ts|mts)$/

function modulesUnder(dir: string): string[] {
  const out: string[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...modulesUnder(path))
    else if (SOURCE.test(entry.name) && !DECLARATION.test(entry.name)) out.push(path)
  }
  return out
}

const CODE = new Set([
  ts.SyntaxKind.ArrowFunction,
  ts.SyntaxKind.FunctionExpression,
  ts.SyntaxKind.ClassExpression,
  ts.SyntaxKind.CallExpression,
  ts.SyntaxKind.NewExpression,
  ts.SyntaxKind.MethodDeclaration,
  ts.SyntaxKind.GetAccessor,
  ts.SyntaxKind.SetAccessor,
  ts.SyntaxKind.TaggedTemplateExpression,
])

function containsCode(node: ts.Node): boolean {
  return CODE.has(node.kind) || (ts.forEachChild(node, (child) => containsCode(child) || undefined) ?? false)
}

function hasNoCode(statement: ts.Statement): boolean {
  if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) return true
  if (ts.isImportDeclaration(statement) || ts.isImportEqualsDeclaration(statement)) return true
  // `export { a } from './b'`, `export * from './b'`, `export type { T }`: re-exports carry no code of their own.
  if (ts.isExportDeclaration(statement)) return true
  if (ts.isEmptyStatement(statement)) return true
  const modifiers = ts.canHaveModifiers(statement) ? ts.getModifiers(statement) : undefined
  if (modifiers?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)) return true
  // Constant data: `export const LIMIT = 5`, `export const NAMES = ['a', 'b'] as const`.
  if (ts.isVariableStatement(statement)) return !statement.declarationList.declarations.some((d) => d.initializer !== undefined && containsCode(d.initializer))
  return false
}

/** True when the module has any runtime statement (see the file comment). */
export function hasLogic(fileName: string, text: string): boolean {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, /\.m?js$/.test(fileName) ? ts.ScriptKind.JS : ts.ScriptKind.TS)
  return source.statements.some((s) => !hasNoCode(s))
}

/**
 * A table of the message catalogue (src/shared/messages/<domain>.ts exporting `<domain>Messages` and at most constant
 * data beside it): its entries are data with their render functions, every one rendered in both languages by
 * test/unit/shared/messages/index.test.ts.
 */
export function isCatalogueTable(path: string, text: string): boolean {
  if (!/^src\/shared\/messages\/[^/]+\.ts$/.test(path)) return false
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS)
  const exported = (s: ts.Statement) => ts.canHaveModifiers(s) && (ts.getModifiers(s)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false)
  const values = source.statements.filter((s) => exported(s) && !ts.isInterfaceDeclaration(s) && !ts.isTypeAliasDeclaration(s))
  const isTable = (s: ts.Statement) => ts.isVariableStatement(s) && s.declarationList.declarations.every((d) => ts.isIdentifier(d.name) && d.name.text.endsWith('Messages'))
  // Beside its table a catalogue file may export constant data its texts use (KEYWORD_LIMITS), nothing with code.
  return values.some(isTable) && values.every((s) => isTable(s) || hasNoCode(s))
}

/** test/unit/<path without src/ and extension>.test.ts */
export function mirroredTest(modulePath: string): string {
  return join('test/unit', relative('src', modulePath)).replace(SOURCE, '.test.ts')
}

/** test/renderer/<path under src/renderer/src without extension>.spec.ts */
export function mirroredRendererSpec(modulePath: string): string {
  return join(RENDERER_ROOT.tests, relative(RENDERER_ROOT.source, modulePath)).replace(SOURCE, RENDERER_ROOT.suffix)
}

/** The test a module must have: under the renderer root its spec, elsewhere its unit test. */
export function mirrorOf(modulePath: string): string {
  return modulePath.startsWith(`${RENDERER_ROOT.source}/`) ? mirroredRendererSpec(modulePath) : mirroredTest(modulePath)
}

function missingTests(root: string): string[] {
  const rendererModules = modulesUnder(join(root, RENDERER_ROOT.source)).filter((abs) => abs.endsWith('.ts'))
  return [...MIRRORED_ROOTS.flatMap((dir) => modulesUnder(join(root, dir))), ...rendererModules]
    .map((abs) => relative(root, abs).split('\\').join('/'))
    .filter((path) => !(path in EXEMPT))
    .filter((path) => {
      const text = readFileSync(join(root, path), 'utf8')
      return hasLogic(path, text) && !isCatalogueTable(path, text)
    })
    .filter((path) => !existsSync(join(root, mirrorOf(path))))
    .sort()
}

describe('logic detection', () => {
  it.each([
    ['export function f(): number { return 1 }'],
    ['export class A {}'],
    ['export enum E { A }'],
    ['export const twice = (n: number) => 2 * n'],
    ['export const KEYS = Object.freeze(Object.keys(table))'],
    ['const table = new Map()\nexport type T = string\nexport { table }'],
    ["process.on('message', handle)"],
  ])('counts %j as logic', (text) => {
    expect(hasLogic('m.ts', text)).toBe(true)
  })

  it.each([
    ['export type T = { a: string }\nexport interface I { b: number }'],
    ["export { a, type B } from './b'\nexport * from './c'"],
    ["import type { X } from './x'\nexport type Y = X[]"],
    ["export const LIMIT = 5\nexport const NAMES = ['a', 'b'] as const\nexport const NAME = /^[a-z]+$/\nexport const NONE: T = { quota: null }"],
    ['declare const ambient: number\nexport type Z = typeof ambient'],
  ])('does not count %j as logic', (text) => {
    expect(hasLogic('m.ts', text)).toBe(false)
  })

  it('knows a table of the message catalogue from a module with logic of its own', () => {
    const table = "import { entry } from './define'\nconst TIP = 'x'\nexport type Cause = 'a'\nexport const jobMessages = { 'job.x': entry({ 'zh-CN': () => TIP, en: () => TIP, example: {} }) }"
    expect(isCatalogueTable('src/shared/messages/job.ts', table)).toBe(true)
    expect(isCatalogueTable('src/shared/messages/legacy.ts', `${table}\nexport function textIn(): string { return '' }`)).toBe(false)
    expect(isCatalogueTable('src/core/jobs/job.ts', table)).toBe(false)
    expect(isCatalogueTable('src/shared/messages/keyword.ts', `${table}\nexport const KEYWORD_LIMITS = { maxLength: 100 } as const`)).toBe(true)
  })

  it('finds the module a test names, an aspect test included', () => {
    const root = process.cwd()
    expect(testedModule(root, 'test/unit/core/jobs/engine.test.ts')).toBe('src/core/jobs/engine.ts')
    expect(testedModule(root, 'test/unit/core/jobs/engine-start.test.ts')).toBe('src/core/jobs/engine.ts')
    expect(testedModule(root, 'test/unit/core/jobs/charge-record-text.test.ts')).toBe('src/core/jobs/charge-record-text.ts')
    expect(testedModule(root, 'test/unit/core/xlsx/sheet-reader.test.ts')).toBe('src/core/xlsx/sheet-reader.mjs')
    expect(testedModule(root, 'test/unit/core/jobs/no-such-module.test.ts')).toBeNull()
  })

  it('mirrors a module to test/unit with the same path', () => {
    expect(mirroredTest('src/core/jobs/engine.ts')).toBe('test/unit/core/jobs/engine.test.ts')
    expect(mirroredTest('src/shared/domain/job.ts')).toBe('test/unit/shared/domain/job.test.ts')
    expect(mirroredTest('src/core/xlsx/sheet-reader.mjs')).toBe('test/unit/core/xlsx/sheet-reader.test.ts')
    expect(mirroredTest('src/webhost/public/api.js')).toBe('test/unit/webhost/public/api.test.ts')
  })

  it("mirrors a renderer module to test/renderer with the renderer suite's suffix", () => {
    expect(mirrorOf('src/renderer/src/stores/engine.ts')).toBe('test/renderer/stores/engine.spec.ts')
    expect(mirrorOf('src/renderer/src/composables/useReport.ts')).toBe('test/renderer/composables/useReport.spec.ts')
    expect(mirrorOf('src/core/jobs/engine.ts')).toBe('test/unit/core/jobs/engine.test.ts')
    const root = process.cwd()
    expect(specifiedModule(root, 'test/renderer/lib/jobs-search.spec.ts')).toBe('src/renderer/src/lib/jobs.ts')
    expect(specifiedModule(root, 'test/renderer/stores/lookup-commands.spec.ts')).toBe('src/renderer/src/stores/lookup-commands.ts')
    expect(specifiedModule(root, 'test/renderer/stores/no-such-store.spec.ts')).toBeNull()
  })
})

/**
 * Test folders where every test names its module: `<module>.test.ts`, or `<module>-<aspect>.test.ts` for one aspect
 * of it. A test left behind when its module moved or went is found here. (The other folders also hold tests of
 * what no single module is: bundles, packaging, workflows.)
 */
export const NAMED_TEST_ROOTS = ['test/unit/core', 'test/unit/shared'] as const

/** The module a test file names, or null: the longest `-`-separated prefix of its name that is a module beside it. */
export function testedModule(root: string, testPath: string): string | null {
  const rel = relative('test/unit', testPath.replace(/\.test\.ts$/, '')).split('\\').join('/')
  const dir = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : ''
  const parts = rel.slice(dir.length ? dir.length + 1 : 0).split('-')
  for (let n = parts.length; n > 0; n--) {
    for (const ext of ['.ts', '.mts', '.mjs', '.js']) {
      const module = join('src', dir, parts.slice(0, n).join('-') + ext).split('\\').join('/')
      if (existsSync(join(root, module))) return module
    }
  }
  return null
}

/** The renderer's test folders that mirror src/renderer/src: every spec in them names its module (the other specs of test/renderer are of components and features). */
export const NAMED_SPEC_DIRS = ['stores', 'lib', 'composables', 'ipc', 'i18n'] as const

/** The renderer module a spec names, or null: the longest `-`-separated prefix of its name that is a module beside it. */
export function specifiedModule(root: string, specPath: string): string | null {
  const rel = relative(RENDERER_ROOT.tests, specPath.slice(0, -RENDERER_ROOT.suffix.length)).split('\\').join('/')
  const dir = rel.slice(0, rel.lastIndexOf('/'))
  const parts = rel.slice(dir.length + 1).split('-')
  for (let n = parts.length; n > 0; n--) {
    const module = `${RENDERER_ROOT.source}/${dir}/${parts.slice(0, n).join('-')}.ts`
    if (existsSync(join(root, module))) return module
  }
  return null
}

function testsUnder(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? testsUnder(join(dir, e.name)) : e.name.endsWith('.test.ts') ? [join(dir, e.name)] : []))
}

function specsUnder(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? specsUnder(join(dir, e.name)) : e.name.endsWith(RENDERER_ROOT.suffix) ? [join(dir, e.name)] : []))
}

describe('tests mirror src/', () => {
  const root = process.cwd()

  it('every test under the named roots names its module (none is left behind by a move)', () => {
    const orphans = NAMED_TEST_ROOTS.flatMap((dir) => testsUnder(join(root, dir)))
      .map((abs) => relative(root, abs).split('\\').join('/'))
      .filter((path) => testedModule(root, path) === null)
    expect(orphans, 'tests whose module is not at the mirrored path').toEqual([])
  })

  it('every spec in the renderer folders that mirror src/renderer/src names its module', () => {
    const specs = NAMED_SPEC_DIRS.flatMap((dir) => specsUnder(join(root, RENDERER_ROOT.tests, dir))).map((abs) => relative(root, abs).split('\\').join('/'))
    expect(specs.length).toBeGreaterThan(0)
    expect(specs.filter((path) => specifiedModule(root, path) === null), 'specs whose module is not at the mirrored path').toEqual([])
  })

  it('every module with logic has its own test at the mirrored path', () => {
    expect(missingTests(root), 'modules with logic but no test/unit/<same path>.test.ts (renderer: test/renderer/<same path>.spec.ts)').toEqual([])
  })

  it('the exemption list names only modules that exist and have no mirrored test', () => {
    for (const path of Object.keys(EXEMPT)) {
      expect(existsSync(join(root, path)), `${path} is exempt but does not exist`).toBe(true)
      expect(existsSync(join(root, mirrorOf(path))), `${path} is exempt but has its test now: drop the exemption`).toBe(false)
    }
  })
})
