/**
 * createServices, the one wiring function: the narrow face hosts get, and what a start does with what it finds (the
 * engine's behaviour itself is tested under jobs/, through this same wiring: test/helpers/engine-harness.ts).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ARCHIVE_READ_DELAY_MS, createServices, type ServicePorts } from '../../../src/core/services'
import { internals } from '../../../src/core/services-internals'
import type { ChargeEntry } from '../../../src/core/jobs/charge-ledger'
import { DEFAULT_ENGINE_SETTINGS } from '../../../src/core/jobs/engine-settings'
import type { JournalLine } from '../../../src/core/jobs/job-repository'
import { MemoryAppendLog } from '../../../src/core/store/append-log'
import { MemoryJournal } from '../../../src/core/store/journal'
import { MemorySegments } from '../../../src/core/store/memory-store'
import { memoryUserHolds } from '../../../src/core/jobs/user-holds'
import { makeJob } from '../../helpers/jobs'

function ports(over: Partial<ServicePorts> = {}): ServicePorts {
  return {
    clock: { now: () => Date.now() },
    timers: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) },
    http: { request: () => Promise.reject(new Error('no http here')) },
    stores: { segments: new MemorySegments(), journal: new MemoryJournal<JournalLine>(), notices: [] },
    chargeLog: new MemoryAppendLog<ChargeEntry>(),
    key: () => 'test-key',
    baseUrl: () => null,
    engineSettings: () => DEFAULT_ENGINE_SETTINGS,
    freshnessMs: () => 30 * 86_400_000,
    ...over,
  } as ServicePorts
}

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(Date.UTC(2026, 11, 6, 2, 0, 0))
})
afterEach(() => vi.useRealTimers())

describe('createServices', () => {
  it('gives hosts a narrow face: no repository and no ledger on it', async () => {
    const services = createServices(ports())
    expect(services).not.toHaveProperty('repo')
    expect(services).not.toHaveProperty('ledger')
    expect(internals(services).repo).toBeDefined()
    await services.close()
  })

  it('gives hosts team mode as this desk (its database, name, user, clock and state), and null in local mode', async () => {
    const local = createServices(ports())
    expect(local.team).toBeNull()
    await local.close()
    const closed: string[] = []
    const db = { query: () => Promise.reject(new Error('not started')), transaction: () => Promise.reject(new Error('not started')), close: async () => void closed.push('db') }
    const services = createServices(ports({ team: { db, desk: '前台-1', user: 'alice', installation: 'install-1' } }))
    const team = services.team
    expect(team).not.toBeNull()
    expect(team?.db).toBe(db)
    expect([team?.desk, team?.user, team?.now()]).toEqual(['前台-1', 'alice', Date.UTC(2026, 11, 6, 2, 0, 0)])
    // TeamDesk's own state: not started, so not yet online and nothing read from the database.
    expect(team?.state()).toEqual({ desk: '前台-1', online: false, offlineSince: null, deskTaken: null, writeBackPending: 0, usage: null })
    await services.close()
    expect(closed).toEqual(['db'])
  })

  it('tells subscribers of engine events until they unsubscribe', async () => {
    const services = createServices(ports())
    const seen: string[] = []
    const off = services.on((e) => seen.push(e.type))
    services.start()
    await services.lookups.submit({ inputs: [{ text: '甲科技有限公司' }] })
    expect(seen).toContain('lookups:updated')
    off()
    const before = seen.length
    await services.lookups.submit({ inputs: [{ text: '乙科技有限公司' }] })
    expect(seen.length).toBe(before)
    await services.close()
  })

  it('holds charged calls at start when a data file was set aside', async () => {
    const services = createServices(ports({ stores: { segments: new MemorySegments(), journal: new MemoryJournal<JournalLine>(), notices: [{ file: '/d/queue-01.json', movedTo: '/d/queue-01.json.corrupt-x', reason: 'cut' }] } }))
    services.start()
    expect(services.engine.state().submitHold?.reason).toBe('damaged_data')
    expect(services.recoveryReport().damaged).toHaveLength(1)
    await services.close()
  })

  it('keeps a quota hold from an earlier run until the user says they acted', async () => {
    const holds = memoryUserHolds({ quota: { code: 'JUHE_10012', since: 1 } } as never)
    const services = createServices(ports({ userHolds: holds }))
    services.start()
    expect(services.engine.state().submitHold).toMatchObject({ reason: 'quota', code: 'JUHE_10012' })
    services.liftUserHolds()
    expect(holds.read().quota).toBeNull()
    await services.close()
  })

  it('reads the finished lookups in the background, after the delay, when asked to leave them for later', async () => {
    const segments = new MemorySegments()
    const done = makeJob({ status: 'done' })
    const seed = createServices(ports({ stores: { segments, journal: new MemoryJournal<JournalLine>(), notices: [] } }))
    internals(seed).repo.put(done, { critical: true })
    internals(seed).repo.compactNow()
    await seed.close()
    const events: string[] = []
    const services = createServices(ports({ stores: { segments, journal: new MemoryJournal<JournalLine>(), notices: [] }, archive: 'later', emit: (e) => events.push(e.type) }))
    expect(services.reads.loaded().map((j) => j.id)).not.toContain(done.id)
    expect(services.reads.archiveLoaded()).toBe(false)
    services.start()
    await vi.advanceTimersByTimeAsync(ARCHIVE_READ_DELAY_MS + 100)
    expect(services.reads.loaded().map((j) => j.id)).toContain(done.id)
    expect(services.reads.archiveLoaded()).toBe(true)
    expect(events).toContain('lookups:loaded')
    await services.close()
  })

  it('has no hold on the charged-call record when it is sound', async () => {
    const services = createServices(ports())
    expect(services.chargeRecord.held()).toBeNull()
    expect(services.chargeRecord.text()).toBeNull()
    await services.close()
  })
})
