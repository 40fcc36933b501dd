import type { JobError } from '../../shared/domain/job'
import { bilingual } from '../../shared/domain/job'
import type { ApiError } from '../juhe/types'

/**
 * What a lookup says once it is final: that it is final, whether it was charged, and what the user can do (resubmit,
 * with its cost). The API error table speaks of the moment ("will be retried automatically"); these texts replace it
 * when the engine gives up, so no final lookup promises a retry that will not come.
 */

type Text = { zh: string; en: string }

/** What went wrong, without the promise of a retry, for the codes the engine retries on a charged call. */
const WHAT_FAILED: Readonly<Record<number, Text>> = {
  277700: { zh: '聚合数据服务端网络超时', en: 'The Juhe service timed out on its side' },
  277703: { zh: '聚合数据服务内部错误', en: 'The Juhe service had an internal error' },
  277705: { zh: '聚合数据服务返回未知错误', en: 'The Juhe service reported an unknown error' },
}

const RESUBMIT: Text = { zh: '如需查询，可重新提交（按一次收费查询计费）。', en: 'To look it up, resubmit it (charged as one lookup).' }
const RESUBMIT_AGAIN: Text = {
  zh: '如仍需结果，可重新提交（将再按一次收费查询计费）。',
  en: 'If you still need the result, resubmit it (charged as one more lookup).',
}

/** The charged call was refused by a transient server error on every attempt: not charged, not retried again. */
export function submitGaveUp(error: ApiError, attempts: number): JobError {
  const what = (error.apiCode !== null ? WHAT_FAILED[error.apiCode] : undefined) ?? { zh: '聚合数据服务暂时异常', en: 'The Juhe service failed' }
  return {
    code: error.code,
    ...bilingual(
      `${what.zh}，已尝试 ${attempts} 次仍未成功，不再自动重试；本次未扣费。${RESUBMIT.zh}`,
      `${what.en} ${attempts === 1 ? 'on its one attempt' : `on all ${attempts} attempts`}; it will not be retried again and nothing was charged. ${RESUBMIT.en}`,
    ),
  }
}

export const JOBID_EXPIRED = 'JOBID_EXPIRED'

/** The jobid's 24 h are over without a result: final, and the charged call was paid for. */
export function expiredError(lastPollAfterRestart: boolean): JobError {
  const zh = lastPollAfterRestart ? '程序重启时查询编号刚过 24 小时有效期，最后一次结果查询仍未取得结果' : '查询编号已过 24 小时有效期，未取得结果'
  const en = lastPollAfterRestart
    ? "The job ID's 24 hours had just ended when the app restarted, and one last result request brought no result"
    : "The job ID's 24 hours are over without a result"
  return { code: JOBID_EXPIRED, ...bilingual(`${zh}，不再查询；该查询已扣费。${RESUBMIT_AGAIN.zh}`, `${en}; it is no longer checked. The lookup was charged. ${RESUBMIT_AGAIN.en}`) }
}

export const LAST_POLL_AFTER_RESTART = 'LAST_POLL_AFTER_RESTART'

/** Recorded on a lookup whose jobid ran out less than a minute before start-up: one last free poll decides it. */
export function lastPollNote(): JobError {
  return {
    code: LAST_POLL_AFTER_RESTART,
    ...bilingual(
      '程序重启时查询编号刚过 24 小时有效期，正在最后查询一次结果（免费）。',
      "The job ID's 24 hours had just ended when the app restarted; one last (free) result request is being made.",
    ),
  }
}

/** A paid jobid that cannot be sent at all (malformed): final, and paid for. */
export function unusableJobid(error: ApiError): JobError {
  return { code: error.code, ...bilingual(`${error.zh}不再查询；该查询已扣费。${RESUBMIT_AGAIN.zh}`, `${error.en} It is no longer checked. The lookup was charged. ${RESUBMIT_AGAIN.en}`) }
}
