import { INVOKE_CHANNELS, type InvokeChannel } from '../../shared/ipc/contract'
import { fail, ok, type Result } from '../../shared/ipc/result'
import { msg } from '../../shared/messages'
import { settingsProblem } from '../../core/settings'
import type { Logger } from '../../core/ports'
import { silentLogger } from '../../core/ports'
import type { AppApi } from './app-api'
import { ApiFailure } from './failure'
import { argSchemas } from './schemas'

const channels = new Set<string>(INVOKE_CHANNELS)
/** Larger payloads are refused before parsing: the biggest legitimate one (50,000 pasted rows) is far below. */
export const MAX_PAYLOAD_BYTES = 8 * 1024 * 1024

function approxSize(value: unknown): number {
  try {
    return JSON.stringify(value ?? null).length
  } catch {
    return Infinity
  }
}

/**
 * Runs one invoke: channel allowlist, size limit, zod validation, then the handler; every outcome becomes a Result.
 * Shared by the Electron IPC registration and the browser test host, so both behave the same.
 */
export async function dispatch(api: AppApi, channel: string, rawArgs: unknown, logger: Logger = silentLogger): Promise<Result<unknown>> {
  if (!channels.has(channel)) return fail('VALIDATION', msg('ipc.unknownChannel'), channel.slice(0, 60))
  if (approxSize(rawArgs) > MAX_PAYLOAD_BYTES) return fail('VALIDATION', msg('ipc.payloadTooLarge'))
  const parsed = argSchemas[channel as InvokeChannel].safeParse(rawArgs)
  if (!parsed.success) {
    // Which arguments were wrong: zod's own English would reach the window untranslated.
    const detail = [...new Set(parsed.error.issues.slice(0, 5).map((i) => i.path.join('.') || '(args)'))].join(', ')
    // A refused settings change says what each field takes, in the window's language (the page shows it as is).
    return fail('VALIDATION', channel === 'settings:set' ? settingsProblem(parsed.error.issues) : msg('ipc.invalidRequest'), detail)
  }
  try {
    const handler = api[channel as InvokeChannel] as (args: unknown) => Promise<unknown>
    return ok(await handler(parsed.data))
  } catch (err) {
    if (err instanceof ApiFailure) return fail(err.code, err.text, err.detail)
    logger.error('ipc handler failed', { channel, error: err instanceof Error ? err.name : 'unknown' })
    return fail('INTERNAL', msg('ipc.internal'))
  }
}
