import { describe, expect, it } from 'vitest'
import { DATA_SOURCE, notesRows, teamNoteRows } from '../../../../src/core/xlsx/export-notes'
import { zeroCounts } from '../../../../src/shared/domain/status-tally'
import { JOB_STATUSES } from '../../../../src/shared/domain/job'

const NOW = Date.UTC(2026, 11, 6, 2, 0, 0)
const counts = { ...zeroCounts(), done: 7, failed: 2, uncertain: 1 }
const input = { now: NOW, appName: 'microent-desk', appVersion: '1.2.3', filter: '=全部', counts }

describe('notesRows', () => {
  const rows = notesRows(input)
  const value = (label: string) => rows.find(([l]) => l.startsWith(label))?.[1]

  it('says when (Beijing time, as a date cell), with what and which lookups were exported', () => {
    expect(rows[0]![1]).toEqual(new Date(NOW + 8 * 3600_000))
    expect(value('导出软件')).toBe('microent-desk 1.2.3')
    expect(value('导出查询总数')).toBe(10)
  })

  it('says when in UTC too, and who exported when told', () => {
    expect(value('导出时间（UTC）')).toBe('2026-12-06T02:00:00.000Z')
    expect(value('导出人')).toBeUndefined()
    const who = notesRows({ ...input, user: 'clerk' })
    expect(who.find(([l]) => l === '导出人（操作系统用户）')?.[1]).toBe('clerk')
  })

  it('says team mode with this desk and how to read 查询桌面, after who exported; nothing of it in local mode', () => {
    expect(rows.some(([l]) => l === '工作模式')).toBe(false)
    expect(teamNoteRows(undefined)).toEqual([])
    const team = notesRows({ ...input, user: 'clerk', desk: '前台-1' })
    const at = team.findIndex(([l]) => l === '工作模式')
    expect(team[at - 1]?.[0]).toBe('导出人（操作系统用户）')
    expect(team[at]?.[1]).toMatch(/^团队模式（本机名称“前台-1”）/)
    expect(team[at]?.[1]).toContain('「查询桌面」列')
    // The rows a desk alone has keep their places and values.
    expect(team.filter(([l]) => l !== '工作模式')).toEqual(notesRows({ ...input, user: 'clerk' }))
    expect(teamNoteRows('=x')[0]?.[1]).toMatch(/^团队模式/)
  })

  it('counts every status, zero included, summing to the total', () => {
    const statusRows = rows.filter(([l]) => l.startsWith('状态：'))
    expect(statusRows).toHaveLength(JOB_STATUSES.length)
    expect(statusRows.reduce((sum, [, n]) => sum + (n as number), 0)).toBe(10)
  })

  it('never lets a value start a formula', () => {
    expect(value('导出范围')).toBe("'=全部")
  })

  it('names the data source, and other sources only when there are any', () => {
    expect(value('数据来源')).toBe(DATA_SOURCE)
    expect(value('其他数据来源')).toBeUndefined()
    const other = notesRows({ ...input, otherSources: ['http://127.0.0.1:9000', 'https://proxy.example.cn'] })
    const row = other.find(([l]) => l === '其他数据来源')?.[1] as string
    expect(row).toContain('http://127.0.0.1:9000、https://proxy.example.cn')
  })
})
