import { describe, expect, it } from 'vitest'
import { TeamRequired } from '../../../../src/core/team/team-required'
import { makeJob } from '../../../helpers/jobs'
import { enOf, zhOf } from '../../../helpers/said'

describe('TeamRequired', () => {
  const gate = new TeamRequired('desk-a', 'postgres://desk@db.example.com/microent', 1_000)

  it('holds every charged call with what to do, and claims nothing', async () => {
    const hold = gate.hold()
    expect(hold).toMatchObject({ reason: 'team_offline', code: 'TEAM_NOT_CONNECTED', until: null })
    expect(zhOf(hold)).toContain('团队数据库 postgres://desk@db.example.com/microent')
    expect(enOf(hold)).toContain('set MICROENT_DATABASE_URL')
    expect(await gate.claim()).toEqual({ kind: 'wait' })
    expect(gate.state()).toEqual({ desk: 'desk-a', online: false, offlineSince: 1_000, writeBackPending: 0, usage: null })
  })

  it('polls every paid jobid here, and leaves a follower without a jobid waiting for the database', () => {
    const team = { lookupId: '7', desk: 'desk-b', chargedHere: false, synced: 'polling' as const }
    expect(gate.pollTurn(makeJob({ status: 'polling', jobid: 'J-1', team }))).toBeNull()
    expect(gate.pollTurn(makeJob({ status: 'polling', jobid: 'J-1' }))).toBeNull()
    expect(gate.pollTurn(makeJob({ status: 'polling', jobid: null, team }))).toMatchObject({ nextPollAt: null })
  })
})
