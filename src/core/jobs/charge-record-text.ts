import type { RecordHold, RecordProblem } from '../store/record-seal'

/** The pause code of a hold on the charged-call record (EngineState.pause.code with reason 'recovery'). */
export const CHARGE_RECORD_CODE = 'CHARGE_RECORD'

export interface RecordHoldText {
  code: string
  zh: string
  en: string
}

type Text = { zh: string; en: string }

const lines = (n: number) => `${n} ${n === 1 ? 'line' : 'lines'}`

/** One problem with the record, in both languages (also the read-only view's). */
export function problemText(p: RecordProblem): Text {
  switch (p.kind) {
    case 'missing':
      return p.expectedLines > 0
        ? { zh: `文件不见了（本程序写入过 ${p.expectedLines} 行）`, en: `the file is missing (this app had written ${lines(p.expectedLines)} to it)` }
        : { zh: '文件不见了', en: 'the file is missing' }
    case 'short':
      return {
        zh: `文件比本程序写入的短（现有 ${p.lines} 行，应至少 ${p.expectedLines} 行）`,
        en: `it is shorter than this app wrote it (${lines(p.lines)}, at least ${p.expectedLines} expected)`,
      }
    case 'edited':
      return { zh: `本程序写入的 ${p.expectedLines} 行中有内容被改动`, en: p.expectedLines === 1 ? 'the line this app wrote was changed' : `the ${p.expectedLines} lines this app wrote were changed` }
    case 'torn':
      return { zh: `最后一行（第 ${p.line} 行）不完整`, en: `the last line (line ${p.line}) is cut off` }
    case 'unreadable': {
      const more = p.count > p.lines.length
      return {
        zh: `${p.count} 行无法读取（第 ${p.lines.join('、')}${more ? ' 等' : ''} 行）`,
        en: `${p.count} ${p.count === 1 ? 'line cannot' : 'lines cannot'} be read (line ${p.lines.join(', ')}${more ? ', …' : ''})`,
      }
    }
    case 'chain':
      return {
        zh: `哈希链在第 ${p.line} 行断开${p.breaks > 1 ? `（共 ${p.breaks} 处）` : ''}：该行或其之前的内容被改动、插入或删除（运行 microent audit verify 查看）`,
        en: `its hash chain breaks at line ${p.line}${p.breaks > 1 ? ` (${p.breaks} breaks)` : ''}: that line, or one before it, was edited, added or removed (run microent audit verify)`,
      }
    case 'unrecorded':
      return {
        zh: `${p.lookups} 项查询有收费调用而记录中没有，已按查询补记（今日 ${p.today} 次，本月 ${p.month} 次）`,
        en: `${p.lookups} ${p.lookups === 1 ? 'lookup shows a charged call' : 'lookups show charged calls'} the record lacks; added back from them (${p.today} today, ${p.month} this month)`,
      }
  }
}

/** What the engine's pause says about a hold on the record: what is wrong, what was kept, and what to do. */
export function recordHoldText(hold: RecordHold): RecordHoldText {
  const parts = hold.problems.map(problemText)
  const kept: Text | null = hold.keptAs ? { zh: `原文件副本已保存为 ${hold.keptAs}。`, en: ` A copy of the file was kept as ${hold.keptAs}.` } : null
  return {
    code: CHARGE_RECORD_CODE,
    zh:
      `收费记录 charges.jsonl（收费上限据此计数）与本程序写入的不符：${parts.map((p) => p.zh).join('；')}。${kept?.zh ?? ''}` +
      '今日和本月的收费次数不会因此清零。查询已暂停，不会发送收费查询；核对后点击“继续”或运行 microent resume 确认。',
    en:
      `The charged-call record charges.jsonl, which the caps are counted from, is not as this app wrote it: ${parts.map((p) => p.en).join('; ')}.${kept?.en ?? ''}` +
      " Today's and this month's counts are not reset by it. Lookups are paused and nothing is charged until you confirm: click Resume or run microent resume.",
  }
}
