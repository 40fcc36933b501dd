/**
 * The API key: checking it costs nothing (the free result call with a jobid that cannot exist), and a new key is the
 * user's answer to a key error, so lookups paused for the key carry on.
 */
import type { KeyVerifyResult } from '../../shared/ipc/contract'
import { PROBE_JOBID } from '../jobs/engine-contract'
import { withoutPause } from '../juhe/error-codes'
import { msg } from '../../shared/messages'
import type { JuheClient } from '../juhe/types'
import type { EngineControl } from '../services'

/** Whether the API accepts the key; null when no key is set (nothing was asked). */
export async function verifyKey(deps: { key: () => string | null; client: Pick<JuheClient, 'fetchResult'> }): Promise<KeyVerifyResult | null> {
  if (!deps.key()) return null
  const outcome = await deps.client.fetchResult(PROBE_JOBID)
  if (outcome.type !== 'error') return { ok: true, code: null, text: msg('settings.keyWorks') }
  const e = outcome.error
  // An answer about the jobid (not found, no result) means the key itself was accepted.
  if (e.action === 'final_input' || e.action === 'no_result' || e.apiCode === 277702) return { ok: true, code: null, text: msg('settings.keyWorks') }
  // The table's texts say lookups are paused; a free check pauses nothing.
  return { ok: false, code: e.code, text: withoutPause(e.text) }
}

/** After the key was changed: lookups paused because the API refused the key go on (other pauses stay). */
export function keyChanged(engine: Pick<EngineControl, 'state' | 'resume'>): void {
  if (engine.state().pause?.reason === 'key') engine.resume()
}
