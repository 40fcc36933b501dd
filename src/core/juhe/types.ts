import type { Company } from '../../shared/domain/company'
import type { Message } from '../../shared/messages'

/** What the engine must do about an answer or failure. */
export type ApiAction =
  | 'keep_polling' // 277706: the job is still running
  | 'no_result' // 277704: final, nothing found
  | 'retry' // transient: retry this request later with backoff
  | 'final_input' // 277701/277702: this keyword/jobid is wrong, do not retry
  | 'pause_key' // key or whitelist problem: pause everything until the user fixes it
  | 'cooldown' // 10011: per-IP rate limit, global cool-down
  | 'stop_submit' // 10012/10013: quota reached, no more charged calls until the user acts
  | 'uncertain' // a charged call may have been processed: never resubmit automatically
  | 'maintenance' // 10020: back off for a long while
  | 'disabled' // 10021: the API is discontinued, stop and alert
  | 'offline' // network failure before any answer

export interface ApiError {
  /** Stable code: `JUHE_<error_code>` for API codes, or NETWORK_*, BAD_RESPONSE, HTTP_<status>. */
  code: string
  /** The numeric error_code from the API, when there was one. */
  apiCode: number | null
  action: ApiAction
  /** What it means for the user (a catalogue message); the texts speak of the moment ("will be retried"). */
  text: Message
  /** The API's own `reason` text, if any (never contains the key). */
  reason?: string
  /** Technical detail for logs and support (e.g. which field of an answer was unreadable); never the key. */
  detail?: string
  /** True when no answer arrived at all (DNS, refused, timeout, reset): the engine goes offline and probes. */
  network: boolean
}

/** `sign`: the API's signature of the answer, when it carried one (kept in the charged-call record). */
export type SubmitOutcome = { type: 'accepted'; jobid: string; sign?: string } | { type: 'error'; error: ApiError }

export type PollOutcome =
  | { type: 'done'; company: Company; raw: unknown }
  | { type: 'pending' }
  | { type: 'no_result' }
  | { type: 'error'; error: ApiError }

export interface JuheClient {
  /** JOB申请: charged. */
  submit(keyword: string): Promise<SubmitOutcome>
  /** 详情数据: free. */
  fetchResult(jobid: string): Promise<PollOutcome>
  /**
   * JOB申请 without a keyword: the charged endpoint answers 277701 (参数缺失) before any lookup, so nothing can be
   * charged. Tells whether that endpoint answers properly again after it failed (charged-call-breaker.ts).
   */
  checkSubmitEndpoint(): Promise<SubmitOutcome>
}
