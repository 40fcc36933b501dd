/**
 * What the Juhe API's answers and failures mean to a compliance clerk: every error_code of the 小微企业 documentation
 * (the engine's action for each lives in core/juhe/error-codes.ts), and the failures that are not API codes (no key,
 * network, unreadable answers).
 */
import { entry, type Lang, type MessageData } from './define'

type Both = Record<Lang, string>

const PAUSED: Both = { 'zh-CN': '所有查询已暂停，处理后请点击“继续”。', en: 'All lookups are paused; click "Resume" once fixed.' }
const UNCERTAIN: Both = {
  'zh-CN': '本次收费查询可能已被受理。为避免重复扣费，不会自动重新提交；请核对聚合数据个人中心的调用记录后再决定是否重新提交（重新提交将再按一次收费查询计费）。',
  en: 'This charged lookup may have been accepted. To avoid paying twice it will not be resubmitted automatically; check your call history in your Juhe account before resubmitting (a resubmission is charged as one more lookup).',
}

/** A text without parameters. */
const fixed = (zh: string, en: string) => entry({ example: {}, 'zh-CN': () => zh, en: () => en })

/** Where a request failed on its way (core/ports HttpFailureKind, too_large aside: that is an unreadable answer). */
export type NetworkFailure = 'dns' | 'refused' | 'connect_timeout' | 'tls' | 'timeout' | 'reset' | 'other'

const NETWORK_WHAT: Readonly<Record<NetworkFailure, Both>> = {
  dns: { 'zh-CN': '无法解析聚合数据服务器地址', en: 'The Juhe server name could not be resolved' },
  refused: { 'zh-CN': '聚合数据服务器拒绝连接', en: 'The Juhe server refused the connection' },
  connect_timeout: { 'zh-CN': '连接聚合数据服务器超时', en: 'Connecting to the Juhe server timed out' },
  tls: { 'zh-CN': '与聚合数据服务器的安全连接（HTTPS）建立失败', en: 'The secure (HTTPS) connection to the Juhe server failed' },
  timeout: { 'zh-CN': '聚合数据服务器未在规定时间内答复', en: 'The Juhe server did not answer in time' },
  reset: { 'zh-CN': '与聚合数据服务器的连接中断', en: 'The connection to the Juhe server was cut' },
  other: { 'zh-CN': '网络错误', en: 'A network error occurred' },
}
const what = (f: NetworkFailure) => NETWORK_WHAT[f] ?? NETWORK_WHAT.other

export const apiMessages = {
  /** A key or account problem (its own message is `cause`): every lookup waits for the user. */
  'api.allPaused': entry({
    example: { cause: { code: 'api.keyInvalid' } as MessageData },
    'zh-CN': (p, say) => `${say(p.cause)}${PAUSED['zh-CN']}`,
    en: (p, say) => `${say(p.cause)} ${PAUSED.en}`,
  }),
  'api.serviceTimeout': fixed('聚合数据服务端网络超时，稍后将自动重试。', 'The Juhe service timed out on its side; it will be retried automatically.'),
  'api.missingParam': fixed(
    '请求缺少必要参数（关键词为空），此条不会重试，未扣费；请检查关键词，重新提交按一次收费查询计费。',
    'A required parameter was missing (empty keyword). This item will not be retried and was not charged; check the keyword. Resubmitting is charged as one lookup.',
  ),
  'api.missingJobid': fixed(
    '聚合数据答复查询编号缺失（参数缺失），稍后将自动重新获取结果，直到查询编号 24 小时有效期结束。',
    "Juhe answered that the job ID was missing; the result will be fetched again automatically until the job ID's 24 hours are over.",
  ),
  'api.invalidKeyword': fixed(
    '关键词格式不被接受，此条不会重试，未扣费；请核对企业全称、注册号或统一社会信用代码，重新提交按一次收费查询计费。',
    'The keyword was rejected as invalid. This item will not be retried and was not charged; check the full company name, registration number or unified social credit code. Resubmitting is charged as one lookup.',
  ),
  'api.jobidRejected': fixed(
    '聚合数据这次不接受该查询编号（参数不合法），稍后将自动重新获取结果，直到查询编号 24 小时有效期结束。',
    "Juhe did not accept the job ID this time (invalid parameter); the result will be fetched again automatically until the job ID's 24 hours are over.",
  ),
  'api.serviceError': fixed('聚合数据服务内部错误，稍后将自动重试。', 'The Juhe service had an internal error; it will be retried automatically.'),
  'api.noResult': fixed('未查到该企业的小微企业信息。', 'No small/micro enterprise record was found for this company.'),
  'api.serviceUnknownError': fixed('聚合数据服务返回未知错误，稍后将自动重试。', 'The Juhe service reported an unknown error; it will be retried automatically.'),
  'api.stillRunning': fixed(
    '查询仍在进行中（一般半小时内完成），将继续自动获取结果。',
    'The lookup is still running (usually done within 30 minutes); the result will be fetched automatically.',
  ),
  'api.runningWithoutJobid': fixed(
    '聚合数据答复“查询进行中”但未给出查询编号，无法确定本次收费查询是否已受理；不会自动重新提交，请核对调用记录后再决定。',
    'Juhe answered "lookup in progress" without a job ID, so it is unknown whether this charged lookup was accepted. It will not be resubmitted automatically; check your call history before resubmitting.',
  ),
  'api.keyInvalid': fixed('API 密钥无效，请在设置中检查密钥。', 'The API key is invalid; check it in Settings.'),
  'api.keyNoAccess': fixed(
    '该 API 密钥没有“小微企业”接口的权限，请在聚合数据个人中心申请该接口，或在设置中更换密钥。',
    'This API key has no access to the small/micro enterprise API. Apply for it in your Juhe account, or change the key in Settings.',
  ),
  'api.keyExpired': fixed(
    'API 密钥已过期，请在聚合数据个人中心续期，或在设置中填写新密钥。',
    'The API key has expired. Renew it in your Juhe account, or enter a new key in Settings.',
  ),
  'api.openIdWrong': fixed(
    '聚合数据账号的 OpenID 错误，请在聚合数据个人中心核对账号，并在设置中检查密钥。',
    'The Juhe account OpenID is wrong. Check the account in your Juhe dashboard and the key in Settings.',
  ),
  'api.accountUnverified': fixed(
    '聚合数据账号尚未通过审核（认证超时），请登录聚合数据个人中心提交认证。',
    'The Juhe account has not been verified in time. Log in to Juhe and submit the verification.',
  ),
  'api.sourceRejected': fixed(
    '聚合数据不认可本机的请求来源，请在聚合数据个人中心检查 IP 白名单等安全设置。',
    'Juhe does not recognise where the request comes from. Check the IP whitelist and security settings in your Juhe account.',
  ),
  'api.ipBlocked': fixed(
    '本机当前的公网 IP 被聚合数据禁止访问，请在聚合数据个人中心检查 IP 白名单，或联系聚合数据客服。',
    "This computer's public IP address is blocked by Juhe. Check the IP whitelist in your Juhe account or contact Juhe support.",
  ),
  'api.keyBlocked': fixed(
    '该 API 密钥已被聚合数据禁用，请联系聚合数据客服，或在设置中更换密钥。',
    'This API key has been blocked by Juhe. Contact Juhe support, or change the key in Settings.',
  ),
  'api.rateLimited': fixed(
    '当前 IP 请求过于频繁，已暂停并将自动重试。',
    'Too many requests from this IP address; lookups are paused for a while and will resume automatically.',
  ),
  'api.quotaUsedUp': fixed(
    '请求次数已用完，已停止提交新的收费查询（已提交的查询仍会继续获取结果）；请在聚合数据个人中心购买次数后，点击“继续”。',
    'The request quota is used up. No new charged lookups will be sent (results of submitted ones are still fetched); buy more calls in your Juhe account, then click "Resume".',
  ),
  'api.testQuotaUsedUp': fixed(
    '测试密钥的免费次数已用完，已停止提交新的收费查询；请在聚合数据购买正式套餐，并在设置中填写正式密钥。',
    'The test key has used up its free calls. No new charged lookups will be sent; buy a plan from Juhe and enter the production key in Settings.',
  ),
  'api.systemError': fixed(
    '聚合数据系统内部异常，无法确定本次收费查询是否已被受理。为避免重复扣费，不会自动重新提交；请稍后在聚合数据个人中心核对调用记录，再决定是否重新提交。',
    'Juhe had an internal error, so it is unknown whether this charged lookup was accepted. To avoid paying twice it will not be resubmitted automatically; check your call history in your Juhe account before resubmitting.',
  ),
  'api.systemErrorPoll': fixed('聚合数据系统内部异常，稍后将自动重新获取结果。', 'Juhe had an internal error; the result will be fetched again automatically.'),
  'api.maintenance': fixed(
    '聚合数据接口正在维护，查询已暂缓，稍后将自动恢复。',
    'The Juhe API is under maintenance; lookups are on hold and will resume automatically later.',
  ),
  'api.discontinued': fixed(
    '该接口已被聚合数据停用，无法继续查询；请联系聚合数据客服确认，或留意本程序的更新。',
    'Juhe has discontinued this API, so lookups cannot continue. Contact Juhe support, or watch for an update of this program.',
  ),
  'api.unknownCode': entry({
    example: { code: 123456 },
    'zh-CN': (p) => `聚合数据返回了未知错误码 ${p.code}。${UNCERTAIN['zh-CN']}`,
    en: (p) => `Juhe returned the unknown error code ${p.code}. ${UNCERTAIN.en}`,
  }),
  'api.unknownCodePoll': entry({
    example: { code: 123456 },
    'zh-CN': (p) => `聚合数据返回了未知错误码 ${p.code}，稍后将自动重试。`,
    en: (p) => `Juhe returned the unknown error code ${p.code}; it will be retried automatically.`,
  }),
  'api.noKey': fixed('尚未设置 API 密钥，请在设置中填写聚合数据的 API 密钥。', 'No API key is set; enter your Juhe API key in Settings.'),
  'api.badBaseUrl': fixed('接口地址设置无效，请在设置中恢复默认地址。', 'The API address in Settings is invalid; restore the default address.'),
  'api.emptyKeyword': fixed('关键词为空，未发送查询。', 'The keyword is empty; nothing was sent.'),
  'api.badJobid': fixed('查询编号（jobid）无效，无法获取结果。', 'The job ID is invalid; the result cannot be fetched.'),
  /** The charged call had left when the line failed: it may have been charged. */
  'api.networkAfterSend': entry({
    example: { failure: 'reset' as NetworkFailure },
    'zh-CN': (p) => `${what(p.failure)['zh-CN']}。${UNCERTAIN['zh-CN']}`,
    en: (p) => `${what(p.failure).en}. ${UNCERTAIN.en}`,
  }),
  'api.offline': entry({
    example: { failure: 'dns' as NetworkFailure },
    'zh-CN': (p) => `${what(p.failure)['zh-CN']}，请检查网络连接；网络恢复后将自动继续。`,
    en: (p) => `${what(p.failure).en}; check the network connection. Lookups continue automatically once it is back.`,
  }),
  'api.unreadable': fixed(`聚合数据的答复无法识别。${UNCERTAIN['zh-CN']}`, `Juhe's answer could not be read. ${UNCERTAIN.en}`),
  'api.unreadablePoll': fixed('聚合数据的答复无法识别，稍后将自动重新获取结果。', "Juhe's answer could not be read; the result will be fetched again automatically."),
  'api.slowDown': fixed(
    '聚合数据服务器要求降低请求频率，已暂停并将自动重试。',
    'The Juhe server asked to slow down; lookups are paused for a while and will resume automatically.',
  ),
  'api.httpError': entry({
    example: { status: 502 },
    'zh-CN': (p) => `聚合数据服务器返回错误（HTTP ${p.status}）。${UNCERTAIN['zh-CN']}`,
    en: (p) => `The Juhe server answered with an error (HTTP ${p.status}). ${UNCERTAIN.en}`,
  }),
  'api.httpErrorPoll': entry({
    example: { status: 502 },
    'zh-CN': (p) => `聚合数据服务器暂时异常（HTTP ${p.status}），稍后将自动重新获取结果。`,
    en: (p) => `The Juhe server had a temporary problem (HTTP ${p.status}); the result will be fetched again automatically.`,
  }),
}
