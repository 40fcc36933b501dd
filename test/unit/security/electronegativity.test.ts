import { describe, expect, it } from 'vitest'
import { ALLOWLIST } from './electronegativity-allowlist'
import { applyAllowlist, describeFindings, runGate, scan, splitVue, stage, type Finding } from './electronegativity-gate'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

/** The Electron app's own code: main (with the core it bundles), preload, renderer and the shared contract. */
const APP_DIRS = ['src/main', 'src/preload', 'src/renderer', 'src/shared']
const FIXTURE = 'test/unit/security/fixtures/insecure-app'

describe('electronegativity gate', () => {
  it('passes the app: no MEDIUM or HIGH finding outside the reviewed allowlist, no stale entry', async () => {
    const res = await runGate(process.cwd(), APP_DIRS, ALLOWLIST)
    expect(res.unparsed, 'files the scanner could not read were not checked').toEqual([])
    expect(describeFindings(res.blocking), 'unreviewed findings').toBe('')
    expect(res.stale.map((s) => `${s.id} ${s.file}`), 'allowlist entries that no longer match').toEqual([])
  })

  it('fails a deliberately insecure app, including what hides in a .vue file', async () => {
    const res = await runGate(process.cwd(), [FIXTURE], ALLOWLIST)
    const has = (id: string, file: string, severity?: Finding['severity']) =>
      res.blocking.some((f) => f.id === id && f.file === `${FIXTURE}/${file}` && (!severity || f.severity === severity))
    expect(res.blocking.length).toBeGreaterThan(5)
    expect(has('CONTEXT_ISOLATION_JS_CHECK', 'main.js', 'HIGH')).toBe(true)
    expect(has('SANDBOX_JS_CHECK', 'main.js')).toBe(true)
    expect(has('WEB_SECURITY_JS_CHECK', 'main.js')).toBe(true)
    expect(has('CONTEXT_ISOLATION_JS_CHECK', 'components/Danger.vue', 'HIGH')).toBe(true)
    expect(has('NODE_INTEGRATION_HTML_CHECK', 'components/Danger.vue', 'HIGH')).toBe(true)
    expect(res.blocking.find((f) => f.file.endsWith('Danger.vue') && f.id === 'CONTEXT_ISOLATION_JS_CHECK')?.line).toBe(11)
  })

  it('would miss the .vue file without the split (why the gate stages sources)', async () => {
    const raw = await scan(`${process.cwd()}/${FIXTURE}`, '45.5.0')
    expect(raw.findings.some((f) => f.file.includes('Danger'))).toBe(false)
  })

  it('rejects an allowlist entry without a reason, and reports entries that match nothing', () => {
    const finding: Finding = { id: 'X', severity: 'HIGH', confidence: 'FIRM', file: 'a.ts', line: 1, sample: 'x', description: '' }
    expect(() => applyAllowlist([finding], [], [{ id: 'X', file: 'a.ts', reason: '' }])).toThrow(/needs a real reason/)
    const res = applyAllowlist([finding], [], [{ id: 'Y', file: 'b.ts', reason: 'a reason that is long enough to count' }])
    expect(res.blocking).toEqual([finding])
    expect(res.stale).toHaveLength(1)
  })

  it('ignores LOW and informational findings', () => {
    const low: Finding = { id: 'CSP_GLOBAL_CHECK', severity: 'LOW', confidence: 'FIRM', file: 'i.html', line: 1, sample: '', description: '' }
    expect(applyAllowlist([low], [], []).blocking).toEqual([])
  })
})

describe('splitVue', () => {
  it('keeps script and template lines where they were in the .vue file', () => {
    const sfc = ['<template>', '  <div>', '    <webview nodeintegration></webview>', '  </div>', '</template>', '', '<script setup lang="ts">', 'const a = 1', 'eval(a)', '</script>'].join('\n')
    const parts = splitVue(sfc)
    expect(parts.lang).toBe('ts')
    expect(parts.script.split('\n')[8]).toBe('eval(a)')
    expect(parts.template.split('\n')[2]).toBe('    <webview nodeintegration></webview>')
  })

  it('stages .vue files as a script and a template', () => {
    const staged = stage(process.cwd(), [FIXTURE])
    try {
      const base = join(staged, FIXTURE, 'components', 'Danger.vue')
      expect(existsSync(`${base}.script.ts`) && existsSync(`${base}.template.html`)).toBe(true)
      expect(existsSync(base)).toBe(false)
      expect(readFileSync(`${base}.script.ts`, 'utf8')).toContain('new BrowserWindow')
    } finally {
      rmSync(staged, { recursive: true, force: true })
    }
  })
})
