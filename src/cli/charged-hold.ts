import type { ChargedCallHold } from '../shared/domain/engine'
import { bilingual } from '../shared/domain/job'
import { beijing } from './format'

/** What `run` says on stderr about the charged endpoint's breaker (EngineState.chargedCalls), once per change. */
const TEXTS = {
  open: {
    zh: (code: string, at: string) => `暂停新的收费查询：聚合数据服务器出错（${code}），为免在故障期间扣费；结果查询照常。${at}（北京时间）用免费请求检测服务器`,
    en: (code: string, at: string) => `New charged calls held: the Juhe server failed (${code}), so none is paid for while it fails; result checks go on. The server is checked with a free request at ${at} (Beijing time)`,
  },
  interrupted: {
    zh: (at: string) => `暂停新的收费查询：上次收费查询进行时程序中断，结果未知；${at}（北京时间）先用免费请求检测服务器，正常后继续`,
    en: (at: string) => `New charged calls held: the app stopped during the last charged call, whose outcome is unknown; a free request checks the server at ${at} (Beijing time) first, then they resume`,
  },
  stillFailing: {
    zh: (code: string, at: string) => `服务器仍未正常答复（${code}），收费查询继续暂停，${at}（北京时间）再次检测`,
    en: (code: string, at: string) => `The server still fails (${code}); charged calls stay held, next check at ${at} (Beijing time)`,
  },
  poll: { zh: '正在用免费的结果查询检测聚合数据服务器', en: 'Checking the Juhe server with a free result request' },
  endpoint: { zh: '正在检测收费接口（不带关键词的请求，不扣费）', en: 'Checking the charged endpoint with a request that cannot be charged (no keyword)' },
  resumed: { zh: '聚合数据服务器已正常答复，继续收费查询', en: 'The Juhe server answers properly again: charged calls resume' },
}

/** A key that changes whenever there is something new to say. */
export function chargedHoldKey(hold: ChargedCallHold | null | undefined): string {
  return hold ? `${hold.state}|${hold.probe ?? ''}` : ''
}

/** The line for the breaker's new state (`was`: the one before), or null when nothing is to be said. */
export function chargedHoldLine(hold: ChargedCallHold | null | undefined, was: ChargedCallHold | null | undefined): string | null {
  if (!hold) return was ? bilingual(TEXTS.resumed.zh, TEXTS.resumed.en).message : null
  const code = hold.code ?? '-'
  const at = beijing(hold.probeAt)
  if (hold.state === 'open' && !was && code === 'RECOVERY') return bilingual(TEXTS.interrupted.zh(at), TEXTS.interrupted.en(at)).message
  if (hold.state === 'open' && !was) return bilingual(TEXTS.open.zh(code, at), TEXTS.open.en(code, at)).message
  if (hold.state === 'open') return bilingual(TEXTS.stillFailing.zh(code, at), TEXTS.stillFailing.en(code, at)).message
  const text = hold.probe === 'poll' ? TEXTS.poll : TEXTS.endpoint
  return bilingual(text.zh, text.en).message
}
