import type { RecordHold, RecordProblem } from '../store/record-seal'
import { msg, type Message } from '../../shared/messages'

/** The pause code of a hold on the charged-call record (EngineState.pause.code with reason 'recovery'). */
export const CHARGE_RECORD_CODE = 'CHARGE_RECORD'

export interface RecordHoldText {
  code: string
  text: Message
}

/** One problem with the record, as a catalogue message (also the read-only view's). */
export function problemText(p: RecordProblem): Message {
  switch (p.kind) {
    case 'missing':
      return msg('engine.recordMissing', { expectedLines: p.expectedLines })
    case 'short':
      return msg('engine.recordShort', { lines: p.lines, expectedLines: p.expectedLines })
    case 'edited':
      return msg('engine.recordEdited', { expectedLines: p.expectedLines })
    case 'torn':
      return msg('engine.recordTorn', { line: p.line })
    case 'unreadable':
      return msg('engine.recordUnreadable', { count: p.count, lines: p.lines })
    case 'unrecorded':
      return msg('engine.recordUnrecorded', { lookups: p.lookups, today: p.today, month: p.month })
    case 'chain':
      return msg('engine.recordChain', { line: p.line, breaks: p.breaks })
  }
}

/** What the engine's pause says about a hold on the record: what is wrong, what was kept, and what to do. */
export function recordHoldText(hold: RecordHold): RecordHoldText {
  return { code: CHARGE_RECORD_CODE, text: msg('engine.recordHold', { problems: hold.problems.map(problemText), keptAs: hold.keptAs ?? null }) }
}
