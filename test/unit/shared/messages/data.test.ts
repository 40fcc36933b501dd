import { describe, expect, it } from 'vitest'
import { msg, render } from '../../../../src/shared/messages'
import type { FolderProblem } from '../../../../src/shared/messages/data'

describe('data messages', () => {
  it('name the path in every folder problem, in both languages', () => {
    const problems: FolderProblem[] = ['not_a_folder', 'no_permission', 'read_only', 'system_path', 'cannot_create']
    for (const problem of problems) {
      for (const lang of ['zh-CN', 'en'] as const) expect(render(msg('data.folderProblem', { path: '/x/y', problem }), lang), `${problem} ${lang}`).toContain('/x/y')
    }
    const hint = msg('data.checkDataDirEnv', { problem: msg('data.folderProblem', { path: '/x', problem: 'read_only' }) })
    expect(render(hint, 'en')).toBe('/x is on a read-only file system; nothing can be saved there (check MICROENT_DATA_DIR)')
  })

  it('say since when the folder is held only when the holder said so', () => {
    const held = (since: number) => render(msg('data.locked', { app: 'microent CLI', pid: 7, host: 'pc', since }), 'en')
    expect(held(0)).toBe('The data folder is in use by microent CLI (pid 7 on pc); close it and try again.')
    expect(held(Date.UTC(2026, 11, 6, 20, 30))).toContain(', since 2026-12-07 04:30 Beijing time')
  })

  it('tell a missing snapshot file from one that does not parse', () => {
    expect(render(msg('data.damagedFile', { file: 'archive-2.json', reason: 'missing' }), 'en')).toBe('The data file archive-2.json is missing (the list of snapshot files has it)')
    expect(render(msg('data.damagedFile', { file: 'queue.json', reason: 'Unexpected end' }), 'zh-CN')).toBe('数据文件 queue.json 无法读取（Unexpected end）')
  })

  it('say what a repair will do, or what is still needed after one', () => {
    const what = msg('data.repairLookupWithoutCharge')
    expect(render(msg('data.repairWill', { what, repaired: false }), 'zh-CN')).toMatch(/^修复将：把这次收费补回收费记录/)
    expect(render(msg('data.repairWill', { what, repaired: true }), 'en')).toMatch(/^still needed: add the call back/)
  })
})
