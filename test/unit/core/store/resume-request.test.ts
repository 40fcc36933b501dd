import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { requestResume, resumeAnswer, resumeRequestPath, watchResumeRequests } from '../../../../src/core/store/resume-request'

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

  it('the holder resumes once per request, answers in it whether anything was held, and looks again every second', () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-resume-'))
    const t = manualTimers()
    let resumed = 0
    const stop = watchResumeRequests(dir, t.timers, () => ({ held: ++resumed === 1 }))
    expect(resumed).toBe(0)
    expect(t.pending.map((p) => p.ms)).toEqual([1000])
    const path = requestResume(dir, 'cli')
    expect(resumeAnswer(path)).toBeNull()
    t.tick()
    expect(resumed).toBe(1)
    expect(resumeAnswer(path)).toEqual({ held: true })
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ from: 'cli' })
    // An answered request is not taken again.
    t.tick()
    expect(resumed).toBe(1)
    requestResume(dir, 'cli')
    t.tick()
    expect([resumed, resumeAnswer(path)]).toEqual([2, { held: false }])
    rmSync(path)
    expect(resumeAnswer(path)).toBe('gone')
    stop()
    expect(t.pending).toHaveLength(0)
  })

  it('picks up a request left before it started watching, and any file there as a request', () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-resume-'))
    requestResume(dir, 'cli')
    let resumed = 0
    watchResumeRequests(dir, manualTimers().timers, () => ({ held: Boolean(++resumed) }))()
    expect(resumed).toBe(1)
    writeFileSync(resumeRequestPath(dir), 'not json')
    watchResumeRequests(dir, manualTimers().timers, () => ({ held: Boolean(++resumed) }))()
    expect(resumed).toBe(2)
    expect(existsSync(resumeRequestPath(dir))).toBe(true)
  })
})
