/**
 * The engine in team mode (issue 17) with a scripted TeamGate: what it asks the team before a charged call and a
 * free poll, and what it does with each answer. The gate over a real database is tested in test/unit/core/team/ and
 * end to end in test/integration/team-*.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Engine } from '../../../../src/core/jobs/engine'
import type { TeamClaimGate, TeamGate } from '../../../../src/core/jobs/team-gate'
import type { EngineState, TeamModeState } from '../../../../src/shared/domain/engine'
import type { Job, TeamLink } from '../../../../src/shared/domain/job'
import { msg } from '../../../../src/shared/messages'
import { harness, type Harness } from '../../../helpers/engine-harness'
import { makeJob } from '../../../helpers/jobs'

const NOW = Date.UTC(2026, 11, 7, 4)
beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(NOW)
})
afterEach(() => vi.useRealTimers())

class ScriptedGate implements TeamGate {
  online = false
  claims: string[] = []
  released: string[] = []
  saved: Job[] = []
  /** Lookups another desk polls: this desk waits. */
  leasedElsewhere = new Set<string>()
  answer: (job: Job) => TeamClaimGate = () => ({ kind: 'go', link: this.link('1') })
  beforeAnswer: (job: Job) => void = () => {}

  link(lookupId: string, desk = 'desk-a'): TeamLink {
    return { lookupId, desk, chargedHere: desk === 'desk-a', synced: null }
  }
  state(): TeamModeState {
    return { desk: 'desk-a', online: this.online, offlineSince: null, writeBackPending: 0, usage: null }
  }
  hold(): EngineState['submitHold'] {
    return this.online ? null : { reason: 'team_offline', code: null, text: msg('team.connecting'), until: null }
  }
  async claim(job: Job): Promise<TeamClaimGate> {
    this.claims.push(job.id)
    this.beforeAnswer(job)
    return this.answer(job)
  }
  release(link: TeamLink): void {
    this.released.push(link.lookupId)
  }
  pollTurn(job: Job, now: number): Job | null {
    return this.leasedElsewhere.has(job.id) ? { ...job, nextPollAt: now + 5_000 } : null
  }
  changed(job: Job): void {
    this.saved.push(job)
  }
}

function teamEngine(h: Harness, gate: ScriptedGate): Engine {
  const { repo, ledger } = h.services
  const engine = new Engine({
    repo,
    ledger,
    client: h.client,
    clock: { now: () => Date.now() },
    timers: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (t) => clearTimeout(t as NodeJS.Timeout) },
    settings: () => h.settings,
    emit: (e) => h.events.push(e),
    random: () => 0.5,
    team: gate,
  })
  engine.start()
  return engine
}

const queue = (h: Harness, id: string, keyword = `${id}有限公司`) => {
  const job = makeJob({ id, keyword, normalized: keyword, status: 'queued' })
  h.services.repo.put(job)
  return job
}

describe('the engine in team mode', () => {
  it('holds charged calls while the team database does not answer, and goes on once it does', async () => {
    const h = harness({ submitIntervalMs: 0 })
    const gate = new ScriptedGate()
    const engine = teamEngine(h, gate)
    queue(h, 'a')
    await h.advance(1_000)
    expect(engine.state().submitHold).toMatchObject({ reason: 'team_offline' })
    expect(engine.state().team).toMatchObject({ desk: 'desk-a', online: false })
    expect(gate.claims).toEqual([])
    expect(h.client.submits).toEqual([])
    gate.online = true
    engine.teamChanged()
    await h.advance(1_000)
    expect(gate.claims).toEqual(['a'])
    expect(h.client.submits).toEqual(['a有限公司'])
    expect(h.services.repo.get('a')).toMatchObject({ status: 'polling', team: gate.link('1') })
    expect(gate.saved.some((j) => j.id === 'a' && j.status === 'polling')).toBe(true)
    await engine.stop()
  })

  it('lifts a hold that no longer applies when the team changes, even with nothing queued', async () => {
    const h = harness({ submitIntervalMs: 0 })
    const gate = new ScriptedGate()
    const engine = teamEngine(h, gate)
    queue(h, 'a')
    await h.advance(1_000)
    expect(engine.state().submitHold?.reason).toBe('team_offline')
    h.services.repo.remove(['a'])
    gate.online = true
    engine.teamChanged()
    expect(engine.state().submitHold).toBeNull()
    await engine.stop()
  })

  it("follows a colleague's lookup with no charged call, and the slot is free for the next at once", async () => {
    const h = harness({ submitIntervalMs: 60_000 })
    const gate = new ScriptedGate()
    gate.online = true
    gate.answer = (job) =>
      job.id === 'a' ? { kind: 'follow', job: { ...job, status: 'polling', jobid: null, nextPollAt: Date.now() + 5_000, team: gate.link('9', 'desk-b') } } : { kind: 'go', link: gate.link('2') }
    gate.leasedElsewhere.add('a')
    const engine = teamEngine(h, gate)
    queue(h, 'a')
    queue(h, 'b')
    await h.advance(100)
    expect(gate.claims).toEqual(['a', 'b'])
    expect(h.client.submits).toEqual(['b有限公司'])
    expect(h.services.repo.get('a')).toMatchObject({ status: 'polling', jobid: null, team: { lookupId: '9', desk: 'desk-b', chargedHere: false } })
    expect(h.services.ledger.all().filter((e) => e.phase === 'intent').map((e) => e.jobId)).toEqual(['b'])
    await engine.stop()
  })

  it('polls a jobid only when its turn is this desk’s', async () => {
    const h = harness()
    const gate = new ScriptedGate()
    gate.online = true
    const engine = teamEngine(h, gate)
    const theirs = makeJob({ id: 'x', status: 'polling', jobid: 'J-x', nextPollAt: NOW, expiresAt: NOW + 86_400_000, team: gate.link('5', 'desk-b') })
    const mine = makeJob({ id: 'y', status: 'polling', jobid: 'J-y', nextPollAt: NOW, expiresAt: NOW + 86_400_000, team: gate.link('6') })
    h.services.repo.putMany([theirs, mine])
    gate.leasedElsewhere.add('x')
    await h.advance(100)
    expect(h.client.polls).toEqual(['J-y'])
    expect(h.services.repo.get('x')?.nextPollAt).toBeGreaterThan(NOW)
    await engine.stop()
  })

  it('releases the claim of a lookup deleted while it was claimed, and charges nothing', async () => {
    const h = harness({ submitIntervalMs: 0 })
    const gate = new ScriptedGate()
    gate.online = true
    gate.beforeAnswer = (job) => h.services.repo.remove([job.id])
    const engine = teamEngine(h, gate)
    queue(h, 'a')
    await h.advance(100)
    expect(gate.released).toEqual(['1'])
    expect(h.client.submits).toEqual([])
    expect(h.services.ledger.all()).toEqual([])
    await engine.stop()
  })

  it('leaves a lookup queued, uncharged, while the team holds it at its cap', async () => {
    const h = harness({ submitIntervalMs: 0 })
    const gate = new ScriptedGate()
    gate.online = true
    gate.answer = () => ({ kind: 'wait' })
    const engine = teamEngine(h, gate)
    queue(h, 'a')
    await h.advance(100)
    expect(gate.claims.length).toBeGreaterThan(0)
    expect(h.services.repo.get('a')?.status).toBe('queued')
    expect(h.client.submits).toEqual([])
    await engine.stop()
  })
})
