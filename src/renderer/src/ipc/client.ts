/**
 * The only module that touches window.api (Electron's preload, or the browser test host's WebSocket script).
 * Stores call it; components never do. A thrown or missing bridge becomes a Result like any other failure.
 */
import type { EventChannel, EventMap, InvokeArgs, InvokeChannel, InvokeResult, RendererApi } from '../../../shared/ipc/contract'
import { msg } from '../../../shared/messages'

function bridge(): RendererApi | null {
  return (globalThis as { api?: RendererApi }).api ?? null
}

export async function invoke<C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C> extends void ? [] : [InvokeArgs<C>]): Promise<InvokeResult<C>> {
  const api = bridge()
  if (!api) return { ok: false, error: { code: 'INTERNAL', text: msg('ipc.noWindowApi') } }
  try {
    return await api.invoke(channel, ...args)
  } catch {
    return { ok: false, error: { code: 'INTERNAL', text: msg('ipc.internal') } }
  }
}

export function on<E extends EventChannel>(channel: E, listener: (payload: EventMap[E]) => void): () => void {
  const api = bridge()
  if (!api) return () => {}
  return api.on(channel, listener)
}
