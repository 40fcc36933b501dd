import { describe, expect, it } from 'vitest'
import { teamDeskEn, teamDeskZh } from '../../../src/renderer/src/i18n/team-desk'
import { en } from '../../../src/renderer/src/i18n/en'
import { zhCN } from '../../../src/renderer/src/i18n/zh-CN'

describe('the texts of who charged a team lookup', () => {
  it('are in both catalogues, each in its own language alone, the desk named in both tooltips', () => {
    expect(zhCN.teamDesk).toBe(teamDeskZh)
    expect(en.teamDesk).toBe(teamDeskEn)
    expect(Object.keys(teamDeskEn)).toEqual(Object.keys(teamDeskZh))
    for (const lang of [teamDeskZh, teamDeskEn]) {
      expect(lang.tipColleague('desk-2')).toContain('desk-2')
      expect(lang.tipHere('desk-1')).toContain('desk-1')
    }
    const english = [teamDeskEn.column, teamDeskEn.here, teamDeskEn.hereNote, teamDeskEn.colleagueNote, teamDeskEn.tipColleague('d'), teamDeskEn.tipHere('d')]
    for (const text of english) expect(text).not.toMatch(/[\u4e00-\u9fff]/)
    const chinese = [teamDeskZh.column, teamDeskZh.here, teamDeskZh.hereNote, teamDeskZh.colleagueNote, teamDeskZh.tipColleague('d'), teamDeskZh.tipHere('d')]
    for (const text of chinese) expect(text).toMatch(/[\u4e00-\u9fff]/)
    // A colleague's lookup says this desk paid nothing for it; this desk's own says it paid.
    expect(teamDeskZh.tipColleague('d')).toContain('未再次计费')
    expect(teamDeskEn.tipColleague('d')).toContain('no second charge')
  })
})
