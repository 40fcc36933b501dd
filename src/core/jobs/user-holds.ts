/**
 * Holds that only the user lifts, kept beside the lookups so that a later run or a restart keeps them: the quota
 * (10012/10013) is used up until the account is topped up, and no amount of retrying changes that.
 */
import type { EngineState } from '../../shared/domain/engine'
import { NO_USER_HOLDS, type UserHoldStore, type UserHolds } from '../persistence'

export { NO_USER_HOLDS, type QuotaHold, type UserHoldStore, type UserHolds } from '../persistence'

export function memoryUserHolds(initial: UserHolds = NO_USER_HOLDS): UserHoldStore {
  let holds = initial
  return { read: () => holds, write: (h) => void (holds = h) }
}

/**
 * Keeps the store in step with the engine's state: a quota hold the engine has is written down (once), and one it
 * no longer has (the user resumed) is removed.
 */
export function persistQuotaHold(store: UserHoldStore, now: () => number): (state: EngineState) => void {
  let held = store.read().quota !== null
  return (state) => {
    const hold = state.submitHold?.reason === 'quota' ? state.submitHold : null
    if (hold && !held) store.write({ quota: { code: hold.code, text: hold.text, since: now() } })
    if (!hold && held) store.write(NO_USER_HOLDS)
    held = hold !== null
  }
}
