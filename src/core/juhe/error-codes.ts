/**
 * Every error_code of the 小微企业 API documentation, with what the engine does about it and a message a compliance
 * clerk can act on. Also the builders for errors that are not API codes (no key, network, unreadable answers).
 */
import type { HttpFailure, HttpFailureKind } from '../ports'
import type { ApiAction, ApiError } from './types'

export type JuheCall = 'submit' | 'poll'

export interface CodeInfo {
  action: ApiAction
  zh: string
  en: string
}

interface CodeEntry extends CodeInfo {
  /** Overrides for the free 详情数据 call, where it differs from the charged JOB申请 call. */
  poll?: CodeInfo
  /** Overrides for the charged JOB申请 call. */
  submit?: CodeInfo
}

export const PAUSED_ZH = '所有查询已暂停，处理后请点击“继续”。'
export const PAUSED_EN = 'All lookups are paused; click "Resume" once fixed.'

export const JUHE_ERROR_CODES: Readonly<Record<number, CodeEntry>> = {
  277700: { action: 'retry', zh: '聚合数据服务端网络超时，稍后将自动重试。', en: 'The Juhe service timed out on its side; it will be retried automatically.' },
  277701: {
    action: 'final_input',
    zh: '请求缺少必要参数（关键词为空），此条不会重试，未扣费；请检查关键词，重新提交按一次收费查询计费。',
    en: 'A required parameter was missing (empty keyword). This item will not be retried and was not charged; check the keyword. Resubmitting is charged as one lookup.',
    // A paid jobid stays alive for 24 h: one such answer to the free poll does not end the lookup.
    poll: {
      action: 'retry',
      zh: '聚合数据答复查询编号缺失（参数缺失），稍后将自动重新获取结果，直到查询编号 24 小时有效期结束。',
      en: "Juhe answered that the job ID was missing; the result will be fetched again automatically until the job ID's 24 hours are over.",
    },
  },
  277702: {
    action: 'final_input',
    zh: '关键词格式不被接受，此条不会重试，未扣费；请核对企业全称、注册号或统一社会信用代码，重新提交按一次收费查询计费。',
    en: 'The keyword was rejected as invalid. This item will not be retried and was not charged; check the full company name, registration number or unified social credit code. Resubmitting is charged as one lookup.',
    poll: {
      action: 'retry',
      zh: '聚合数据这次不接受该查询编号（参数不合法），稍后将自动重新获取结果，直到查询编号 24 小时有效期结束。',
      en: "Juhe did not accept the job ID this time (invalid parameter); the result will be fetched again automatically until the job ID's 24 hours are over.",
    },
  },
  277703: { action: 'retry', zh: '聚合数据服务内部错误，稍后将自动重试。', en: 'The Juhe service had an internal error; it will be retried automatically.' },
  277704: { action: 'no_result', zh: '未查到该企业的小微企业信息。', en: 'No small/micro enterprise record was found for this company.' },
  277705: { action: 'retry', zh: '聚合数据服务返回未知错误，稍后将自动重试。', en: 'The Juhe service reported an unknown error; it will be retried automatically.' },
  277706: {
    action: 'keep_polling',
    zh: '查询仍在进行中（一般半小时内完成），将继续自动获取结果。',
    en: 'The lookup is still running (usually done within 30 minutes); the result will be fetched automatically.',
    // Without a jobid there is nothing to poll, and whether the charged call was billed is unknown.
    submit: {
      action: 'uncertain',
      zh: '聚合数据答复“查询进行中”但未给出查询编号，无法确定本次收费查询是否已受理；不会自动重新提交，请核对调用记录后再决定。',
      en: 'Juhe answered "lookup in progress" without a job ID, so it is unknown whether this charged lookup was accepted. It will not be resubmitted automatically; check your call history before resubmitting.',
    },
  },
  10001: { action: 'pause_key', zh: `API 密钥无效，请在设置中检查密钥。${PAUSED_ZH}`, en: `The API key is invalid; check it in Settings. ${PAUSED_EN}` },
  10002: {
    action: 'pause_key',
    zh: `该 API 密钥没有“小微企业”接口的权限，请在聚合数据个人中心申请该接口，或在设置中更换密钥。${PAUSED_ZH}`,
    en: `This API key has no access to the small/micro enterprise API. Apply for it in your Juhe account, or change the key in Settings. ${PAUSED_EN}`,
  },
  10003: {
    action: 'pause_key',
    zh: `API 密钥已过期，请在聚合数据个人中心续期，或在设置中填写新密钥。${PAUSED_ZH}`,
    en: `The API key has expired. Renew it in your Juhe account, or enter a new key in Settings. ${PAUSED_EN}`,
  },
  10004: {
    action: 'pause_key',
    zh: `聚合数据账号的 OpenID 错误，请在聚合数据个人中心核对账号，并在设置中检查密钥。${PAUSED_ZH}`,
    en: `The Juhe account OpenID is wrong. Check the account in your Juhe dashboard and the key in Settings. ${PAUSED_EN}`,
  },
  10005: {
    action: 'pause_key',
    zh: `聚合数据账号尚未通过审核（认证超时），请登录聚合数据个人中心提交认证。${PAUSED_ZH}`,
    en: `The Juhe account has not been verified in time. Log in to Juhe and submit the verification. ${PAUSED_EN}`,
  },
  10007: {
    action: 'pause_key',
    zh: `聚合数据不认可本机的请求来源，请在聚合数据个人中心检查 IP 白名单等安全设置。${PAUSED_ZH}`,
    en: `Juhe does not recognise where the request comes from. Check the IP whitelist and security settings in your Juhe account. ${PAUSED_EN}`,
  },
  10008: {
    action: 'pause_key',
    zh: `本机当前的公网 IP 被聚合数据禁止访问，请在聚合数据个人中心检查 IP 白名单，或联系聚合数据客服。${PAUSED_ZH}`,
    en: `This computer's public IP address is blocked by Juhe. Check the IP whitelist in your Juhe account or contact Juhe support. ${PAUSED_EN}`,
  },
  10009: {
    action: 'pause_key',
    zh: `该 API 密钥已被聚合数据禁用，请联系聚合数据客服，或在设置中更换密钥。${PAUSED_ZH}`,
    en: `This API key has been blocked by Juhe. Contact Juhe support, or change the key in Settings. ${PAUSED_EN}`,
  },
  10011: {
    action: 'cooldown',
    zh: '当前 IP 请求过于频繁，已暂停并将自动重试。',
    en: 'Too many requests from this IP address; lookups are paused for a while and will resume automatically.',
  },
  10012: {
    action: 'stop_submit',
    zh: '请求次数已用完，已停止提交新的收费查询（已提交的查询仍会继续获取结果）；请在聚合数据个人中心购买次数后，点击“继续”。',
    en: 'The request quota is used up. No new charged lookups will be sent (results of submitted ones are still fetched); buy more calls in your Juhe account, then click "Resume".',
  },
  10013: {
    action: 'stop_submit',
    zh: '测试密钥的免费次数已用完，已停止提交新的收费查询；请在聚合数据购买正式套餐，并在设置中填写正式密钥。',
    en: 'The test key has used up its free calls. No new charged lookups will be sent; buy a plan from Juhe and enter the production key in Settings.',
  },
  10014: {
    action: 'uncertain',
    zh: '聚合数据系统内部异常，无法确定本次收费查询是否已被受理。为避免重复扣费，不会自动重新提交；请稍后在聚合数据个人中心核对调用记录，再决定是否重新提交。',
    en: 'Juhe had an internal error, so it is unknown whether this charged lookup was accepted. To avoid paying twice it will not be resubmitted automatically; check your call history in your Juhe account before resubmitting.',
    poll: { action: 'retry', zh: '聚合数据系统内部异常，稍后将自动重新获取结果。', en: 'Juhe had an internal error; the result will be fetched again automatically.' },
  },
  10020: {
    action: 'maintenance',
    zh: '聚合数据接口正在维护，查询已暂缓，稍后将自动恢复。',
    en: 'The Juhe API is under maintenance; lookups are on hold and will resume automatically later.',
  },
  10021: {
    action: 'disabled',
    zh: '该接口已被聚合数据停用，无法继续查询；请联系聚合数据客服确认，或留意本程序的更新。',
    en: 'Juhe has discontinued this API, so lookups cannot continue. Contact Juhe support, or watch for an update of this program.',
  },
}

const UNCERTAIN_ZH =
  '本次收费查询可能已被受理。为避免重复扣费，不会自动重新提交；请核对聚合数据个人中心的调用记录后再决定是否重新提交（重新提交将再按一次收费查询计费）。'
const UNCERTAIN_EN =
  'This charged lookup may have been accepted. To avoid paying twice it will not be resubmitted automatically; check your call history in your Juhe account before resubmitting (a resubmission is charged as one more lookup).'

function clip(text: string | undefined, max = 200): string | undefined {
  if (text === undefined) return undefined
  return text.length > max ? `${text.slice(0, max)}…` : text
}

/** The error for an API `error_code` other than 0, for the charged submit or the free poll. */
export function describeApiCode(code: number, call: JuheCall, reason?: string): ApiError {
  const entry = JUHE_ERROR_CODES[code]
  const info: CodeInfo = entry
    ? (call === 'poll' ? entry.poll : entry.submit) ?? entry
    : call === 'submit'
      ? { action: 'uncertain', zh: `聚合数据返回了未知错误码 ${code}。${UNCERTAIN_ZH}`, en: `Juhe returned the unknown error code ${code}. ${UNCERTAIN_EN}` }
      : { action: 'retry', zh: `聚合数据返回了未知错误码 ${code}，稍后将自动重试。`, en: `Juhe returned the unknown error code ${code}; it will be retried automatically.` }
  const error: ApiError = { code: `JUHE_${code}`, apiCode: code, action: info.action, zh: info.zh, en: info.en, network: false }
  const r = clip(reason)
  if (r) error.reason = r
  return error
}

export function noKeyError(): ApiError {
  return {
    code: 'NO_KEY',
    apiCode: null,
    action: 'pause_key',
    zh: `尚未设置 API 密钥，请在设置中填写聚合数据的 API 密钥。${PAUSED_ZH}`,
    en: `No API key is set; enter your Juhe API key in Settings. ${PAUSED_EN}`,
    network: false,
  }
}

/** The configured server address is unusable (not http/https, has a query, credentials...). */
export function badBaseUrlError(): ApiError {
  return {
    code: 'BAD_BASE_URL',
    apiCode: null,
    action: 'pause_key',
    zh: `接口地址设置无效，请在设置中恢复默认地址。${PAUSED_ZH}`,
    en: `The API address in Settings is invalid; restore the default address. ${PAUSED_EN}`,
    network: false,
  }
}

/** The keyword or jobid cannot be sent at all (empty, or a jobid of an impossible shape). No request was made. */
export function badInputError(what: 'keyword' | 'jobid'): ApiError {
  return {
    code: 'BAD_INPUT',
    apiCode: null,
    action: 'final_input',
    zh: what === 'keyword' ? '关键词为空，未发送查询。' : '查询编号（jobid）无效，无法获取结果。',
    en: what === 'keyword' ? 'The keyword is empty; nothing was sent.' : 'The job ID is invalid; the result cannot be fetched.',
    network: false,
  }
}

const NETWORK_WHAT: Record<HttpFailureKind, { zh: string; en: string }> = {
  dns: { zh: '无法解析聚合数据服务器地址', en: 'The Juhe server name could not be resolved' },
  refused: { zh: '聚合数据服务器拒绝连接', en: 'The Juhe server refused the connection' },
  connect_timeout: { zh: '连接聚合数据服务器超时', en: 'Connecting to the Juhe server timed out' },
  tls: { zh: '与聚合数据服务器的安全连接（HTTPS）建立失败', en: 'The secure (HTTPS) connection to the Juhe server failed' },
  timeout: { zh: '聚合数据服务器未在规定时间内答复', en: 'The Juhe server did not answer in time' },
  reset: { zh: '与聚合数据服务器的连接中断', en: 'The connection to the Juhe server was cut' },
  too_large: { zh: '聚合数据服务器的答复过大', en: 'The Juhe server sent an oversized answer' },
  other: { zh: '网络错误', en: 'A network error occurred' },
}

/**
 * A transport failure. Before the request left (`sent: false`) it is always safe to retry: the engine goes offline
 * and probes. After (`sent: true`) the charged submit may have been processed: 'uncertain'; a poll is free: 'offline'.
 * An oversized answer is not a network outage (the line works), so it is handled like an unreadable answer.
 */
export function networkError(failure: Pick<HttpFailure, 'kind' | 'sent'>, call: JuheCall): ApiError {
  if (failure.kind === 'too_large') return badResponseError(call, 'answer too large')
  const what = NETWORK_WHAT[failure.kind] ?? NETWORK_WHAT.other
  const code = `NETWORK_${failure.kind.toUpperCase()}`
  if (failure.sent && call === 'submit') {
    return { code, apiCode: null, action: 'uncertain', zh: `${what.zh}。${UNCERTAIN_ZH}`, en: `${what.en}. ${UNCERTAIN_EN}`, network: true }
  }
  return {
    code,
    apiCode: null,
    action: 'offline',
    zh: `${what.zh}，请检查网络连接；网络恢复后将自动继续。`,
    en: `${what.en}; check the network connection. Lookups continue automatically once it is back.`,
    network: true,
  }
}

/**
 * An answer arrived but cannot be read. The charged submit reached the server, so its effect is unknown: 'uncertain'.
 * A poll is free: 'retry'. `detail` is technical (for logs and support), never shown as the main message.
 */
export function badResponseError(call: JuheCall, detail: string): ApiError {
  const base =
    call === 'submit'
      ? { action: 'uncertain' as const, zh: `聚合数据的答复无法识别。${UNCERTAIN_ZH}`, en: `Juhe's answer could not be read. ${UNCERTAIN_EN}` }
      : { action: 'retry' as const, zh: '聚合数据的答复无法识别，稍后将自动重新获取结果。', en: "Juhe's answer could not be read; the result will be fetched again automatically." }
  return { code: 'BAD_RESPONSE', apiCode: null, network: false, detail: clip(detail), ...base }
}

/**
 * A non-2xx HTTP status. 429 is an explicit "slow down" that rejects the request unprocessed: 'cooldown'. Anything
 * else may come from behind a gateway that already forwarded the request: 'uncertain' for the submit, 'retry' for polls.
 */
export function httpStatusError(status: number, call: JuheCall): ApiError {
  const code = `HTTP_${status}`
  if (status === 429) {
    return {
      code,
      apiCode: null,
      action: 'cooldown',
      zh: '聚合数据服务器要求降低请求频率，已暂停并将自动重试。',
      en: 'The Juhe server asked to slow down; lookups are paused for a while and will resume automatically.',
      network: false,
    }
  }
  if (call === 'submit') {
    return { code, apiCode: null, action: 'uncertain', zh: `聚合数据服务器返回错误（HTTP ${status}）。${UNCERTAIN_ZH}`, en: `The Juhe server answered with an error (HTTP ${status}). ${UNCERTAIN_EN}`, network: false }
  }
  return {
    code,
    apiCode: null,
    action: 'retry',
    zh: `聚合数据服务器暂时异常（HTTP ${status}），稍后将自动重新获取结果。`,
    en: `The Juhe server had a temporary problem (HTTP ${status}); the result will be fetched again automatically.`,
    network: false,
  }
}
