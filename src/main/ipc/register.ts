import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { INVOKE_CHANNELS } from '../../shared/ipc/contract'
import { fail, type Result } from '../../shared/ipc/result'
import { msg } from '../../shared/messages'
import type { AppApi } from '../api/app-api'
import { dispatch } from '../api/dispatch'
import type { Logger } from '../../core/ports'
import { silentLogger } from '../../core/ports'
import { isTrustedSender, senderFacts, type TrustPolicy } from '../security/trusted-sender'

export interface RegisterIpcDeps {
  api: AppApi
  trust: TrustPolicy
  logger?: Logger
}

/**
 * The Electron side of every invoke: the sender check, then the host-neutral dispatch (allowlist, size limit, zod,
 * Result envelope). An untrusted sender gets UNTRUSTED_SENDER and nothing runs. Returns an unregister.
 */
export function registerIpc(deps: RegisterIpcDeps): () => void {
  const logger = deps.logger ?? silentLogger
  const handle = async (channel: string, event: IpcMainInvokeEvent, args: unknown[]): Promise<Result<unknown>> => {
    let trusted = false
    try {
      trusted = isTrustedSender(senderFacts(event), deps.trust)
    } catch {
      trusted = false
    }
    if (!trusted) {
      logger.warn('ipc refused: untrusted sender', { channel })
      return fail('UNTRUSTED_SENDER', msg('ipc.untrustedSender'))
    }
    // The contract passes one argument; more means a caller outside the preload.
    if (args.length > 1) return fail('VALIDATION', msg('ipc.invalidRequest'), 'too many arguments')
    return dispatch(deps.api, channel, args[0], logger)
  }
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => handle(channel, event, args))
  }
  return () => {
    for (const channel of INVOKE_CHANNELS) ipcMain.removeHandler(channel)
  }
}
