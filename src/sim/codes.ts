/** Juhe error codes and their `reason` texts, as in the API document's tables (错误码参照). */

export const SUCCESS_CODE = 0

/** 服务级错误码 of the MicroEnt API. */
export const SERVICE_CODES = {
  TIMEOUT: 277700,
  MISSING_PARAM: 277701,
  INVALID_PARAM: 277702,
  INTERNAL: 277703,
  NO_RESULT: 277704,
  UNKNOWN: 277705,
  JOB_RUNNING: 277706,
} as const

/** 系统级错误码 (shared by all Juhe APIs). */
export const SYSTEM_CODES = [
  10001, 10002, 10003, 10004, 10005, 10007, 10008, 10009, 10011, 10012, 10013, 10014, 10020, 10021,
] as const
export type SystemCode = (typeof SYSTEM_CODES)[number]

const REASONS: Record<number, string> = {
  0: 'success',
  277700: '网络超时,请稍后再试',
  277701: '参数缺失',
  277702: '参数不合法',
  277703: '内部错误',
  277704: '查询无结果',
  277705: '未知错误',
  277706: '该实时查询Job进行中',
  10001: '错误的请求KEY',
  10002: '该KEY无请求权限',
  10003: 'KEY过期',
  10004: '错误的OPENID',
  10005: '应用未审核超时, 请提交认证',
  10007: '未知的请求源',
  10008: '被禁止的IP',
  10009: '被禁止的KEY',
  10011: '当前IP请求超过限制',
  10012: '请求超过次数限制',
  10013: '测试KEY超过请求限制',
  // The document adds a note for recharge APIs in parentheses; only the message itself is returned.
  10014: '系统内部异常',
  10020: '接口维护',
  10021: '接口停用',
}

/** The `reason` text for an error code; codes not in the document get 未知错误. */
export function reasonFor(code: number): string {
  return REASONS[code] ?? '未知错误'
}

export function isSystemCode(code: number): code is SystemCode {
  return (SYSTEM_CODES as readonly number[]).includes(code)
}

/** Codes a key behaviour may take: `'ok'` or any 系统级 code (10012/10013 only block the charged endpoint). */
export type KeyBehaviour = 'ok' | SystemCode

export function isKeyBehaviour(v: unknown): v is KeyBehaviour {
  return v === 'ok' || (typeof v === 'number' && isSystemCode(v))
}
