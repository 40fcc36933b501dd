/** What a start found and did (the recovery report), as the CLI and the data check say it. */
import { count, entry } from './define'

/** The report's counts, as the summary names them (core/jobs/recovery-report-text.ts fills them in). */
export type RecoveryCounts = {
  /** Damaged files moved aside, by the name they were moved to. */
  movedTo: string[]
  /** Files that were missing. */
  missing: string[]
  resumed: number
  rebuilt: number
  uncertain: number
  expired: number
  lost: number
}

function summaryZh(p: RecoveryCounts): string {
  const zh: string[] = []
  if (p.movedTo.length) zh.push(`${p.movedTo.length} 个数据文件损坏，已另存为 ${p.movedTo.join('、')}`)
  if (p.missing.length) zh.push(`数据文件 ${p.missing.join('、')} 不见了`)
  if (p.resumed) zh.push(`${p.resumed} 项查询继续进行`)
  if (p.rebuilt) zh.push(`${p.rebuilt} 项由收费记录恢复`)
  if (p.uncertain) zh.push(`${p.uncertain} 项结果未知（可能已扣费）`)
  if (p.expired) zh.push(`${p.expired} 项在程序关闭期间过期`)
  if (p.lost) zh.push(`${p.lost} 项无法恢复`)
  return `启动时恢复：${zh.join('，')}。`
}

function summaryEn(p: RecoveryCounts): string {
  const en: string[] = []
  if (p.movedTo.length) en.push(`${count(p.movedTo.length, 'damaged data file')} set aside as ${p.movedTo.join(', ')}`)
  if (p.missing.length) en.push(`${p.missing.length === 1 ? 'a data file is' : `${p.missing.length} data files are`} missing (${p.missing.join(', ')})`)
  // The first count names what it counts; the rest follow it ("3 lookups resumed, 1 uncertain").
  let named = false
  const n = (k: number) => (named ? `${k}` : ((named = true), count(k, 'lookup')))
  if (p.resumed) en.push(`${n(p.resumed)} resumed`)
  if (p.rebuilt) en.push(`${n(p.rebuilt)} rebuilt from the charged-call record`)
  if (p.uncertain) en.push(`${n(p.uncertain)} uncertain (may have been charged)`)
  if (p.expired) en.push(`${n(p.expired)} expired while the app was closed`)
  if (p.lost) en.push(`${n(p.lost)} could not be recovered`)
  return `On start: ${en.join(', ')}.`
}

export const recoveryMessages = {
  /** "3 lookups resumed, 1 uncertain (may have been charged), 2 expired while the app was closed". */
  'recovery.summary': entry({
    example: { movedTo: [], missing: [], resumed: 3, rebuilt: 0, uncertain: 1, expired: 2, lost: 0 } as RecoveryCounts,
    counts: ['resumed'],
    'zh-CN': summaryZh,
    en: summaryEn,
  }),
  /** One lookup that could not be recovered, with what is known of it; `paidAt`: Beijing minute. */
  'recovery.lostLookup': entry({
    example: { id: 'j1', keyword: 'Acme Trading Co Ltd' as string | null, jobid: 'micro_1' as string | null, paidAt: '2026-12-06 10:00' as string | null, charged: true as boolean | null },
    'zh-CN': (p) => {
      const zh = [p.keyword ? `“${p.keyword}”` : `查询 ${p.id}（关键词未知）`]
      if (p.jobid) zh.push(`jobid ${p.jobid}`)
      if (p.paidAt !== null) zh.push(`${p.paidAt}（北京时间）收费`)
      else if (p.charged) zh.push('已收费（时间未知）')
      else if (p.charged === false) zh.push('未收费')
      return zh.join('，')
    },
    en: (p) => {
      const en = [p.keyword ? `"${p.keyword}"` : `lookup ${p.id} (keyword unknown)`]
      if (p.jobid) en.push(`jobid ${p.jobid}`)
      if (p.paidAt !== null) en.push(`charged at ${p.paidAt} (Beijing time)`)
      else if (p.charged) en.push('charged (time unknown)')
      else if (p.charged === false) en.push('not charged')
      return en.join(', ')
    },
  }),
  /** What the user can do about the lost lookups; `kept`: where the damaged files were moved (may be empty). */
  'recovery.lostAdvice': entry({
    example: { lost: 2, kept: 'queue-01.json.corrupt-x' },
    counts: ['lost'],
    'zh-CN': (p) =>
      `以下 ${p.lost} 项查询无法从日志或收费记录恢复${p.kept ? `（损坏的文件已另存为 ${p.kept}）` : ''}；如需结果请重新提交（已收费的将再按一次收费查询计费）：`,
    en: (p) =>
      `${p.lost === 1 ? 'This lookup' : `These ${p.lost} lookups`} could not be recovered from the journal or the charged-call record${p.kept ? ` (the damaged file was kept as ${p.kept})` : ''}; submit again for a result (a paid one is charged once more):`,
  }),
  /** A snapshot file the folder had is gone: said like a damaged one (lookups are paused, paid ones rebuilt). */
  'recovery.fileMissing': entry({
    example: { file: 'queue-03.json' },
    'zh-CN': (p) => `注意：数据文件 ${p.file} 不见了，已从收费记录恢复已付费的查询，查询已暂停。`,
    en: (p) => `A data file is missing: ${p.file}; paid lookups were rebuilt from the charged-call record, and lookups are paused.`,
  }),

  /** A reading command (no lock) met a snapshot file it cannot read, or one that is gone: its list may lack lookups. */
  'recovery.unreadableInView': entry({
    example: { file: 'queue-03.json' },
    'zh-CN': (p) => `注意：数据文件 ${p.file} 无法读取，列表可能不全；下次运行 run 或启动应用时会将其另存并恢复已收费的查询`,
    en: (p) => `The data file ${p.file} cannot be read, so this list may lack lookups; the next run or app start sets it aside and rebuilds the paid ones`,
  }),
  'recovery.missingInView': entry({
    example: { file: 'archive-02.json' },
    'zh-CN': (p) => `注意：数据文件 ${p.file} 不见了，列表可能不全；下次运行 run 或启动应用时会恢复其中已收费的查询`,
    en: (p) => `The data file ${p.file} is missing, so this list may lack lookups; the next run or app start rebuilds the paid ones`,
  }),
  /** Said by every command that opens the folder after a start set a damaged file aside. */
  'recovery.fileMovedAside': entry({
    example: { movedTo: 'queue-03.json.corrupt-x' },
    'zh-CN': (p) => `注意：数据文件损坏，已另存为 ${p.movedTo}，查询已暂停。`,
    en: (p) => `A damaged data file was moved to ${p.movedTo}; lookups are paused.`,
  }),
}
