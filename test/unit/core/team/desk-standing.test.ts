import { describe, expect, it } from 'vitest'
import { DeskStanding, SchemaRefused } from '../../../../src/core/team/desk-standing'
import { beijingMinute } from '../../../../src/shared/domain/beijing-time'
import { enOf, zhOf } from '../../../helpers/said'

const T = Date.UTC(2026, 11, 7, 1, 30)
/** The gone limit: the name is this desk's that long after its holder was last seen. */
const GONE = 600_000

function standing() {
  let now = T
  const logged: string[] = []
  const log = (m: string) => void logged.push(m)
  const s = new DeskStanding({ desk: 'MacBook-Pro', clock: { now: () => now }, logger: { info: log, warn: log, error: log } })
  return { s, logged, at: (t: number) => void (now = t) }
}

describe('DeskStanding', () => {
  it('holds charged calls while connecting, and not once the database answered under its own name', () => {
    const { s } = standing()
    expect(s.hold()).toMatchObject({ reason: 'team_offline', code: null })
    expect(s.state()).toEqual({ online: false, offlineSince: null, deskTaken: null })
    expect(s.answered()).toBe(true)
    expect(s.answered()).toBe(false)
    expect(s.hold()).toBeNull()
    expect(s.state()).toEqual({ online: true, offlineSince: null, deskTaken: null })
  })

  it('says who has the name and how to rename the desk, holding charged calls, until the name is its own', () => {
    const { s, logged } = standing()
    s.answered()
    s.refused({ osUser: 'alice', lastSeenAt: T - 60_000, freeFrom: T - 60_000 + GONE })
    s.refused({ osUser: 'alice', lastSeenAt: T, freeFrom: T + GONE }) // every meeting: said once in the log, the sighting kept up to date
    expect(logged.filter((l) => l.includes('another installation'))).toHaveLength(1)
    expect(s.state()).toEqual({ online: false, offlineSince: null, deskTaken: { osUser: 'alice', lastSeenAt: T, freeFrom: T + GONE } })
    const hold = s.hold()
    expect(hold).toMatchObject({ reason: 'team_offline', code: 'TEAM_DESK_TAKEN', until: null })
    expect(zhOf(hold)).toContain(`本机名称 MacBook-Pro 已被另一台电脑使用（用户 alice，最后在线 ${beijingMinute(T)}）：请在 设置 > 团队模式 的“本机名称”一栏改一个名称`)
    expect(enOf(hold)).toContain('from the command line: set MICROENT_DESK')
    // When the name comes to this desk by itself, should that computer not be seen again.
    expect(zhOf(hold)).toContain(`；若那台电脑已不再使用，此名称自 ${beijingMinute(T + GONE)} 起归本机使用。`)
    expect(s.answered()).toBe(true)
    expect(s.state().deskTaken).toBeNull()
  })

  it('counts a desk cut off from the first failure, refused or not, and says so once', () => {
    const { s, at } = standing()
    s.refused({ osUser: 'alice', lastSeenAt: T, freeFrom: T + GONE })
    at(T + 5_000)
    expect(s.cutOff('tick', new Error('ECONNRESET'))).toBe(true)
    at(T + 9_000)
    expect(s.cutOff('tick', new Error('ECONNRESET'))).toBe(false)
    expect(s.state()).toEqual({ online: false, offlineSince: T + 5_000, deskTaken: null })
    expect(zhOf(s.hold())).toContain(`团队数据库自 ${beijingMinute(T + 5_000)} 起无法连接`)
  })

  it('a schema the database refuses is offline with its SQLSTATE and what to do, said once; answered or cut off, it is gone', () => {
    const { s, logged, at } = standing()
    const refused = new SchemaRefused(Object.assign(new Error('permission denied for database team'), { code: '42501' }))
    expect(refused.code).toBe('42501')
    expect(s.failed(refused, 'tick')).toBe(true)
    at(T + 2_000)
    expect(s.failed(refused, 'tick')).toBe(false)
    expect(s.state()).toEqual({ online: false, offlineSince: T, deskTaken: null, schemaRefused: '42501' })
    expect(zhOf(s.hold())).toBe(
      `团队数据库自 ${beijingMinute(T)} 起无法使用：它拒绝建立或更新团队数据结构（42501）。请数据库管理员按 docs/team-schema.md 授予建表权限，或用有权限的账号运行一次 microent team status。在此之前新的收费查询暂不提交，已有的查询照常获取结果。`,
    )
    expect(logged.filter((l) => l.includes('does not answer') || l.includes('refuses'))).toHaveLength(1)
    // Cut off later: the database not answering is what it says then.
    expect(s.failed(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), 'tick')).toBe(false)
    expect(zhOf(s.hold())).toContain('起无法连接')
    expect(s.state()).not.toHaveProperty('schemaRefused')
    // A fault of a step, neither: logged, the desk as it was.
    expect(s.failed(new Error('syntax error'), 'tick')).toBe(false)
    expect(logged.at(-1)).toBe('team database step failed')
    expect(new SchemaRefused(new Error('no code')).code).toBe('other')
    s.failed(refused, 'tick')
    expect(s.answered()).toBe(true)
    expect(s.hold()).toBeNull()
  })

  it('counts how long the database has answered without a break, from nothing again after every failure', () => {
    const { s } = standing()
    expect(s.answeredFor(T)).toBe(0)
    s.heard(T)
    s.heard(T + 2_000) // a later meeting does not restart the count
    expect(s.answeredFor(T + 61_000)).toBe(61_000)
    s.cutOff('tick', new Error('ECONNRESET'))
    expect(s.answeredFor(T + 62_000)).toBe(0)
    s.heard(T + 70_000)
    s.cutOff('tick', new Error('ECONNRESET')) // offline already (not said again), the count still starts over
    expect(s.answeredFor(T + 80_000)).toBe(0)
  })
})
