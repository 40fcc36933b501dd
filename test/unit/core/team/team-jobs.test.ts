import { describe, expect, it } from 'vitest'
import { JOBID_TTL_MS } from '../../../../src/core/jobs/poll-schedule'
import type { TeamLookupRow } from '../../../../src/core/team/lookup-reads'
import { afterWriteBack, applyTeamRow, jobFromTeamRow, localStatusOf, teamJobId, teamWriteBack } from '../../../../src/core/team/team-jobs'
import type { Job, TeamLink } from '../../../../src/shared/domain/job'
import { makeCompany, makeJob } from '../../../helpers/jobs'

const NOW = Date.UTC(2026, 11, 7, 4)
const own: TeamLink = { lookupId: '7', desk: 'desk-a', chargedHere: true, synced: null }
const followed: TeamLink = { lookupId: '7', desk: 'desk-b', chargedHere: false, synced: null }

function row(over: Partial<TeamLookupRow> = {}): TeamLookupRow {
  return {
    id: '7', keyword: '某某科技有限公司', kind: 'name', status: 'polling', jobid: 'J-7', source: null, desk: 'desk-b', deskJobId: 'b-1',
    claimedAt: NOW - 60_000, updatedAt: NOW - 30_000, expiresAt: NOW + JOBID_TTL_MS, errorCode: null, company: null, fetchedAt: null, ...over,
  }
}

describe('teamWriteBack', () => {
  it('has nothing to write for a lookup not linked, already synced, or whose call is being sent', () => {
    expect(teamWriteBack(makeJob({ status: 'polling', jobid: 'J' }))).toBeNull()
    expect(teamWriteBack(makeJob({ status: 'polling', jobid: 'J', team: { ...own, synced: 'polling' } }))).toBeNull()
    expect(teamWriteBack(makeJob({ status: 'submitting', team: own }))).toBeNull()
  })

  it("writes the charged call's outcome from the desk that made it, as the local lookup shows it", () => {
    const expiresAt = NOW + JOBID_TTL_MS
    expect(teamWriteBack(makeJob({ status: 'polling', jobid: 'J', expiresAt, team: own }))).toEqual({
      outcome: { outcome: 'accepted', jobid: 'J', code: null, expiresAt }, result: null,
    })
    expect(teamWriteBack(makeJob({ status: 'queued', team: own }))?.outcome).toEqual({ outcome: 'not_sent', jobid: null, code: null, expiresAt: null })
    expect(teamWriteBack(makeJob({ status: 'uncertain', error: { code: 'TIMEOUT' }, team: own }))?.outcome).toMatchObject({ outcome: 'uncertain', code: 'TIMEOUT' })
    // Refused by the API: no jobid, failed; a call accepted then failed while polled has a jobid (accepted, then a result).
    expect(teamWriteBack(makeJob({ status: 'failed', error: { code: '10001' }, team: own }))).toEqual({
      outcome: { outcome: 'rejected', jobid: null, code: '10001', expiresAt: null }, result: null,
    })
    expect(teamWriteBack(makeJob({ status: 'failed', jobid: 'J', error: { code: 'E' }, team: own }))).toMatchObject({
      outcome: { outcome: 'accepted' }, result: { status: 'failed', code: 'E' },
    })
  })

  it('writes the outcome once: a lookup the database already has writes only its result, or the not_sent that ends its link', () => {
    const synced: TeamLink = { ...own, synced: 'polling' }
    expect(teamWriteBack(makeJob({ status: 'done', jobid: 'J', result: makeCompany(), team: synced }))).toEqual({ outcome: null, result: { status: 'done', code: null } })
    expect(teamWriteBack(makeJob({ status: 'failed', jobid: 'J', error: { code: 'E' }, team: synced }))).toEqual({ outcome: null, result: { status: 'failed', code: 'E' } })
    expect(teamWriteBack(makeJob({ status: 'uncertain', team: { ...own, synced: 'polling' } }))).toBeNull()
    // Resubmitted after an uncertain call: the database keeps 'uncertain', and the not_sent written ends the link.
    expect(teamWriteBack(makeJob({ status: 'queued', team: { ...own, synced: 'uncertain' } }))?.outcome).toMatchObject({ outcome: 'not_sent' })
  })

  it("writes only the result of a colleague's lookup this desk polled, never its outcome", () => {
    expect(teamWriteBack(makeJob({ status: 'done', jobid: 'J', result: makeCompany(), team: followed }))).toEqual({ outcome: null, result: { status: 'done', code: null } })
    expect(teamWriteBack(makeJob({ status: 'expired', jobid: 'J', team: followed }))?.result).toEqual({ status: 'expired', code: null })
    // Still polling, or waiting for the colleague's jobid: nothing of a colleague's lookup to write.
    expect(teamWriteBack(makeJob({ status: 'polling', jobid: 'J', team: followed }))).toBeNull()
    expect(teamWriteBack(makeJob({ status: 'uncertain', team: followed }))).toBeNull()
  })
})

describe('afterWriteBack', () => {
  it('records the status the database now has, and ends the link of a call that never left', () => {
    expect(afterWriteBack(makeJob({ status: 'polling', jobid: 'J', team: own }))).toEqual({ ...own, synced: 'polling' })
    expect(afterWriteBack(makeJob({ status: 'done', team: followed }))).toEqual({ ...followed, synced: 'done' })
    expect(afterWriteBack(makeJob({ status: 'queued', team: own }))).toBeNull()
    expect(afterWriteBack(makeJob({ status: 'done' }))).toBeNull()
  })
})

describe('localStatusOf', () => {
  it('shows a claim under way as polling, a released claim as nothing, the rest as they are', () => {
    expect(localStatusOf('claimed')).toBe('polling')
    expect(localStatusOf('released')).toBeNull()
    for (const s of ['polling', 'done', 'no_result', 'failed', 'uncertain', 'expired'] as const) expect(localStatusOf(s)).toBe(s)
  })
})

describe('applyTeamRow', () => {
  const follower = (over: Partial<Job> = {}) => makeJob({ status: 'polling', jobid: null, nextPollAt: NOW + 5_000, team: followed, ...over })

  it("moves a follower on to the colleague's jobid, then to the result", () => {
    const polling = applyTeamRow(follower(), row(), 'desk-a', NOW)
    expect(polling).toMatchObject({ status: 'polling', jobid: 'J-7', expiresAt: NOW + JOBID_TTL_MS, completedAt: null, nextPollAt: NOW + 5_000, updatedAt: NOW })
    expect(polling?.team).toEqual({ lookupId: '7', desk: 'desk-b', chargedHere: false, synced: 'polling' })
    const company = makeCompany()
    const done = applyTeamRow(polling as Job, row({ status: 'done', company, fetchedAt: NOW - 1_000 }), 'desk-a', NOW)
    expect(done).toMatchObject({ status: 'done', result: company, completedAt: NOW - 1_000, nextPollAt: null, error: null })
  })

  it('only ever moves a lookup forward, and a result beats a later failure', () => {
    const done = follower({ status: 'done', jobid: 'J-7', result: makeCompany() })
    expect(applyTeamRow(done, row({ status: 'failed', errorCode: 'E' }), 'desk-a', NOW)).toBeNull()
    expect(applyTeamRow(done, row({ status: 'polling' }), 'desk-a', NOW)).toBeNull()
    expect(applyTeamRow(follower({ jobid: 'J-7' }), row({ status: 'claimed', jobid: null }), 'desk-a', NOW)).toBeNull()
    // A failure after the colleague's jobid: final, with the team's error code.
    expect(applyTeamRow(follower({ jobid: 'J-7' }), row({ status: 'expired', errorCode: 'EXPIRED' }), 'desk-a', NOW)).toMatchObject({
      status: 'expired', error: { code: 'EXPIRED' }, completedAt: NOW - 30_000,
    })
  })

  it('takes a newer version of a result already in, and not the same one again', () => {
    const first = makeCompany()
    const done = follower({ status: 'done', jobid: 'J-7', result: first, completedAt: NOW - 10_000 })
    const later = makeCompany({ reg_no: '510109000123456' })
    expect(applyTeamRow(done, row({ status: 'done', company: later, fetchedAt: NOW - 1_000 }), 'desk-a', NOW)).toMatchObject({ status: 'done', result: later, completedAt: NOW - 1_000 })
    expect(applyTeamRow(done, row({ status: 'done', company: first, fetchedAt: NOW - 1_000 }), 'desk-a', NOW)).toBeNull()
    // The same result with its keys in another order (as PostgreSQL's jsonb gives them back) is not a new one.
    const reordered = Object.fromEntries(Object.entries(first).reverse()) as typeof first
    expect(applyTeamRow(done, row({ status: 'done', company: reordered, fetchedAt: NOW - 1_000 }), 'desk-a', NOW)).toBeNull()
    expect(applyTeamRow(done, row({ status: 'done', company: later, fetchedAt: NOW - 20_000 }), 'desk-a', NOW)).toBeNull()
  })

  it("leaves the desk's own call in progress, and a released claim, alone", () => {
    expect(applyTeamRow(makeJob({ status: 'queued', team: own }), row(), 'desk-a', NOW)).toBeNull()
    expect(applyTeamRow(makeJob({ status: 'submitting', team: own }), row(), 'desk-a', NOW)).toBeNull()
    expect(applyTeamRow(follower(), row({ status: 'released' }), 'desk-a', NOW)).toBeNull()
  })

  it('marks a lookup the desk itself claimed as charged here when it had no link yet', () => {
    const next = applyTeamRow(makeJob({ status: 'polling', jobid: null }), row({ desk: 'desk-a' }), 'desk-a', NOW)
    expect(next?.team).toEqual({ lookupId: '7', desk: 'desk-a', chargedHere: true, synced: 'polling' })
  })
})

describe('jobFromTeamRow', () => {
  it("makes a colleague's lookup a local copy with a stable id, charged elsewhere", () => {
    const job = jobFromTeamRow(row({ source: 'http://sim' }), NOW)
    expect(teamJobId('7')).toBe('team-7')
    expect(job).toMatchObject({
      id: 'team-7', keyword: '某某科技有限公司', kind: 'name', status: 'polling', jobid: 'J-7', createdAt: NOW - 60_000, submittedAt: NOW - 60_000,
      completedAt: null, nextPollAt: NOW, result: null, source: 'http://sim', team: { lookupId: '7', desk: 'desk-b', chargedHere: false, synced: 'polling' },
    })
  })

  it('copies a result and an error as the team has them, and gives a jobid without an expiry its 24 h', () => {
    const company = makeCompany()
    expect(jobFromTeamRow(row({ status: 'done', company, fetchedAt: NOW - 5 }), NOW)).toMatchObject({ status: 'done', result: company, completedAt: NOW - 5, nextPollAt: null })
    expect(jobFromTeamRow(row({ status: 'failed', jobid: null, errorCode: '10001' }), NOW)).toMatchObject({ status: 'failed', error: { code: '10001' }, result: null })
    expect(jobFromTeamRow(row({ expiresAt: null }), NOW)?.expiresAt).toBe(NOW - 60_000 + JOBID_TTL_MS)
    expect(jobFromTeamRow(row({ status: 'claimed', jobid: null, expiresAt: null }), NOW)).toMatchObject({ status: 'polling', jobid: null, expiresAt: null })
    expect(jobFromTeamRow(row({ status: 'released' }), NOW)).toBeNull()
    expect(jobFromTeamRow(row(), NOW)).not.toHaveProperty('source')
  })
})
