/**
 * The electronegativity gate. The CLI exits 0 even on HIGH findings and never opens `.vue` files, so this drives
 * its programmatic API over a staged copy of the sources in which every `.vue` file is split into a script file
 * and a template file (line numbers kept), and fails on any MEDIUM or HIGH finding not in the reviewed allowlist.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, relative, sep } from 'node:path'

export interface Finding {
  id: string
  severity: 'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH'
  confidence: string
  /** Relative to the scanned root, with `/`; a `.vue` file's parts are reported as the `.vue` file. */
  file: string
  line: number
  sample: string
  description: string
}

export interface AllowEntry {
  id: string
  /** The file the finding is in ('N/A' for whole-app checks). */
  file: string
  /** Optional: a piece of the flagged line, to pin the entry to one finding. */
  sample?: string
  /** Why this is not a vulnerability here. Required. */
  reason: string
}

export interface GateResult {
  blocking: Finding[]
  allowed: Finding[]
  /** Allowlist entries that matched nothing: the code changed, so the entry must be reviewed or removed. */
  stale: AllowEntry[]
  /** Files the scanner could not parse (and so did not check). */
  unparsed: { file: string; message: string }[]
}

/** Checks that need the network (Electron's release list) are left out: the gate must be deterministic offline. */
export const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck']
const GATING = new Set(['MEDIUM', 'HIGH'])
const VUE_SCRIPT = /\.vue\.script\.(ts|js)$/
const VUE_TEMPLATE = /\.vue\.template\.html$/

const requireCjs = createRequire(import.meta.url)

/** `<script>` and `<template>` blocks of a single-file component, each padded so its lines keep their numbers. */
export function splitVue(source: string): { script: string; lang: 'ts' | 'js'; template: string } {
  const block = (tag: string) => {
    const re = new RegExp(`<${tag}(\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'gi')
    const parts: { attrs: string; body: string; line: number }[] = []
    for (const m of source.matchAll(re)) {
      const openEnd = (m.index ?? 0) + m[0].indexOf('>') + 1
      parts.push({ attrs: m[1] ?? '', body: m[2] ?? '', line: source.slice(0, openEnd).split('\n').length - 1 })
    }
    return parts
  }
  const scripts = block('script')
  const lang = scripts.some((s) => /lang=["']ts["']/.test(s.attrs)) ? 'ts' : 'js'
  const pad = (parts: { body: string; line: number }[]) => {
    const lines: string[] = []
    for (const p of parts) {
      while (lines.length < p.line) lines.push('')
      const body = p.body.split('\n')
      lines[p.line] = (lines[p.line] ?? '') + (body.shift() ?? '')
      lines.push(...body)
    }
    return lines.join('\n')
  }
  // The template is wrapped in a document so the HTML checks see its elements.
  return { script: pad(scripts), lang, template: `<html><body>${pad(block('template'))}</body></html>` }
}

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue
    const full = join(dir, name)
    if (statSync(full).isDirectory()) walk(full, out)
    else out.push(full)
  }
  return out
}

/** Copies `dirs` (relative to `root`) into a temporary folder, splitting `.vue` files; returns the folder. */
export function stage(root: string, dirs: readonly string[], extraFiles: readonly string[] = []): string {
  const out = mkdtempSync(join(tmpdir(), 'electronegativity-'))
  for (const d of dirs) {
    for (const file of walk(join(root, d))) {
      const rel = relative(root, file)
      const target = join(out, rel)
      mkdirSync(dirname(target), { recursive: true })
      if (file.endsWith('.vue')) {
        const parts = splitVue(readFileSync(file, 'utf8'))
        writeFileSync(`${target}.script.${parts.lang}`, parts.script)
        writeFileSync(`${target}.template.html`, parts.template)
      } else cpSync(file, target)
    }
  }
  for (const f of extraFiles) cpSync(join(root, f), join(out, f))
  return out
}

function toVueName(file: string): string {
  return file.replace(VUE_SCRIPT, '.vue').replace(VUE_TEMPLATE, '.vue')
}

interface RawIssue {
  id: string
  file: string
  sample?: string
  description?: string
  location: { line: number }
  severity: { name: Finding['severity'] }
  confidence: { name: string }
}

/**
 * electronegativity downloads translations with `got` on every run (3 s when offline, and a test must not touch the
 * network). Its `got` is replaced in the CommonJS cache by one that fails at once; the bundled English is used.
 */
function keepOffline(): void {
  const i18nPath = requireCjs.resolve('@doyensec/electronegativity/dist/locales/i18n.js')
  const gotPath = createRequire(i18nPath).resolve('got')
  const offline = Object.assign(() => Promise.reject(new Error('offline by design')), { head: () => Promise.reject(new Error('offline by design')) })
  requireCjs.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline } as unknown as NodeJS.Module
}

/** Runs electronegativity's programmatic API over `stagedRoot` and returns every finding and parse error. */
export async function scan(stagedRoot: string, electronVersion: string): Promise<{ findings: Finding[]; unparsed: GateResult['unparsed'] }> {
  keepOffline()
  const run = requireCjs('@doyensec/electronegativity') as (o: Record<string, unknown>) => Promise<{ issues: RawIssue[]; errors: { file: string; message: string; tolerable: boolean }[] }>
  // It reports the failed translation download on the console; keep the test output clean.
  const log = console.log
  console.log = () => undefined
  let result: Awaited<ReturnType<typeof run>>
  try {
    result = await run({ input: stagedRoot, excludeFromScan: EXCLUDED_CHECKS, electronVersionOverride: electronVersion, isRelative: true })
  } finally {
    console.log = log
  }
  const norm = (f: string) => (f === 'N/A' ? f : toVueName(f.split(sep).join('/')))
  return {
    findings: result.issues.map((i) => ({
      id: i.id,
      severity: i.severity.name,
      confidence: i.confidence.name,
      file: norm(i.file),
      line: i.location.line,
      sample: i.sample ?? '',
      description: i.description ?? '',
    })),
    unparsed: result.errors.filter((e) => !e.tolerable).map((e) => ({ file: norm(relative(stagedRoot, e.file)), message: e.message })),
  }
}

export function applyAllowlist(findings: readonly Finding[], unparsed: GateResult['unparsed'], allowlist: readonly AllowEntry[]): GateResult {
  for (const a of allowlist) if (!a.reason || a.reason.trim().length < 20) throw new Error(`allowlist entry ${a.id} for ${a.file} needs a real reason`)
  const matches = (f: Finding, a: AllowEntry) => a.id === f.id && a.file === f.file && (a.sample === undefined || f.sample.includes(a.sample))
  const gating = findings.filter((f) => GATING.has(f.severity))
  const used = new Set<AllowEntry>()
  const blocking: Finding[] = []
  const allowed: Finding[] = []
  for (const f of gating) {
    const entry = allowlist.find((a) => matches(f, a))
    if (entry) {
      used.add(entry)
      allowed.push(f)
    } else blocking.push(f)
  }
  return { blocking, allowed, stale: allowlist.filter((a) => !used.has(a)), unparsed: [...unparsed] }
}

export function installedElectronVersion(root: string): string {
  return (JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version
}

/** Stage, scan, apply the allowlist, clean up. */
export async function runGate(root: string, dirs: readonly string[], allowlist: readonly AllowEntry[]): Promise<GateResult & { findings: Finding[] }> {
  const staged = stage(root, dirs, ['package.json'].filter((f) => statSafe(join(root, f))))
  try {
    const { findings, unparsed } = await scan(staged, installedElectronVersion(process.cwd()))
    return { ...applyAllowlist(findings, unparsed, allowlist), findings }
  } finally {
    rmSync(staged, { recursive: true, force: true })
  }
}

function statSafe(p: string): boolean {
  try {
    return statSync(p).isFile()
  } catch {
    return false
  }
}

export function describeFindings(findings: readonly Finding[]): string {
  return findings.map((f) => `${f.severity} ${f.id} ${f.file}:${f.line} ${f.sample.slice(0, 100)}`).join('\n')
}
