import type { RecoveryReport, ReportedLookup } from '../../shared/domain/recovery-report'
import { beijingMinute } from '../../shared/domain/beijing-time'

type Text = { zh: string; en: string }

function lookups(n: number): string {
  return n === 1 ? '1 lookup' : `${n} lookups`
}

/**
 * The report's one-line summary ("3 lookups resumed, 1 uncertain (may have been charged), 2 expired while the app
 * was closed"), or null when there is nothing to say.
 */
export function recoverySummaryText(r: RecoveryReport): Text | null {
  const zh: string[] = []
  const en: string[] = []
  const moved = r.damaged.filter((d) => d.movedTo !== null)
  const missing = r.damaged.filter((d) => d.movedTo === null)
  if (moved.length) {
    zh.push(`${moved.length} 个数据文件损坏，已另存为 ${moved.map((d) => d.movedTo).join('、')}`)
    en.push(`${moved.length === 1 ? '1 damaged data file' : `${moved.length} damaged data files`} set aside as ${moved.map((d) => d.movedTo).join(', ')}`)
  }
  if (missing.length) {
    zh.push(`数据文件 ${missing.map((d) => d.file).join('、')} 不见了`)
    en.push(`${missing.length === 1 ? 'a data file is' : `${missing.length} data files are`} missing (${missing.map((d) => d.file).join(', ')})`)
  }
  const firstCount = en.length
  if (r.resumed.length) {
    zh.push(`${r.resumed.length} 项查询继续进行`)
    en.push(`${lookups(r.resumed.length)} resumed`)
  }
  if (r.rebuilt.length) {
    zh.push(`${r.rebuilt.length} 项由收费记录恢复`)
    en.push(`${r.rebuilt.length} rebuilt from the charged-call record`)
  }
  if (r.uncertain.length) {
    zh.push(`${r.uncertain.length} 项结果未知（可能已扣费）`)
    en.push(`${r.uncertain.length} uncertain (may have been charged)`)
  }
  if (r.expired.length) {
    zh.push(`${r.expired.length} 项在程序关闭期间过期`)
    en.push(`${r.expired.length} expired while the app was closed`)
  }
  if (r.lost.length) {
    zh.push(`${r.lost.length} 项无法恢复`)
    en.push(`${r.lost.length} could not be recovered`)
  }
  if (!zh.length) return null
  // The first count names what it counts; the rest follow it ("3 lookups resumed, 1 uncertain").
  if (!r.resumed.length && en[firstCount]) en[firstCount] = en[firstCount]!.replace(/^(\d+) /, (_, n: string) => `${lookups(Number(n))} `)
  return { zh: `启动时恢复：${zh.join('，')}。`, en: `On start: ${en.join(', ')}.` }
}

/** One lookup that could not be recovered, with what is known of it. */
export function lostLookupText(l: ReportedLookup): Text {
  const zh = [l.keyword ? `“${l.keyword}”` : `查询 ${l.id}（关键词未知）`]
  const en = [l.keyword ? `"${l.keyword}"` : `lookup ${l.id} (keyword unknown)`]
  if (l.jobid) {
    zh.push(`jobid ${l.jobid}`)
    en.push(`jobid ${l.jobid}`)
  }
  if (l.paidAt !== null) {
    zh.push(`${beijingMinute(l.paidAt)}（北京时间）收费`)
    en.push(`charged at ${beijingMinute(l.paidAt)} (Beijing time)`)
  } else if (l.charged) {
    zh.push('已收费（时间未知）')
    en.push('charged (time unknown)')
  } else if (l.charged === false) {
    zh.push('未收费')
    en.push('not charged')
  }
  return { zh: zh.join('，'), en: en.join(', ') }
}

/** What the user can do about the lost lookups. */
export function lostAdvice(r: RecoveryReport): Text | null {
  if (!r.lost.length) return null
  const kept = r.damaged.flatMap((d) => (d.movedTo ? [d.movedTo] : [])).join(', ')
  return {
    zh: `以下 ${r.lost.length} 项查询无法从日志或收费记录恢复${kept ? `（损坏的文件已另存为 ${kept}）` : ''}；如需结果请重新提交（已收费的将再按一次收费查询计费）：`,
    en: `${r.lost.length === 1 ? 'This lookup' : `These ${r.lost.length} lookups`} could not be recovered from the journal or the charged-call record${kept ? ` (the damaged file was kept as ${kept})` : ''}; submit again for a result (a paid one is charged once more):`,
  }
}
