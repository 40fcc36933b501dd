import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { requestResume, resumeRequestPath, watchResumeRequests } from '../../../../src/core/store/resume-request'

function manualTimers() {
  const pending: Array<{ fn: () => void; ms: number }> = []
  return {
    pending,
    timers: { setTimeout: (fn: () => void, ms: number) => (pending.push({ fn, ms }), pending.length), clearTimeout: () => void pending.splice(0) },
    tick: () => pending.shift()?.fn(),
  }
}

describe('resume requests', () => {
  it('leaves a request file saying who asked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-resume-'))
    const path = requestResume(dir, 'microent resume')
    expect(path).toBe(resumeRequestPath(dir))
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ from: 'microent resume' })
  })

  it('the holder resumes once per request, removes it, and looks again every second', () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-resume-'))
    const t = manualTimers()
    let resumed = 0
    const stop = watchResumeRequests(dir, t.timers, () => resumed++)
    expect(resumed).toBe(0)
    expect(t.pending.map((p) => p.ms)).toEqual([1000])
    requestResume(dir, 'cli')
    t.tick()
    expect(resumed).toBe(1)
    expect(existsSync(resumeRequestPath(dir))).toBe(false)
    t.tick()
    expect(resumed).toBe(1)
    stop()
    expect(t.pending).toHaveLength(0)
  })

  it('picks up a request left before it started watching', () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-resume-'))
    requestResume(dir, 'cli')
    let resumed = 0
    watchResumeRequests(dir, manualTimers().timers, () => resumed++)()
    expect(resumed).toBe(1)
  })
})
