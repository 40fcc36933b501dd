/**
 * The only module that touches window.api (Electron's preload, or the browser test host's WebSocket script).
 * Stores call it; components never do. A thrown or missing bridge becomes a Result like any other failure.
 */
import type { EventChannel, EventMap, InvokeArgs, InvokeChannel, InvokeResult, RendererApi } from '../../../shared/ipc/contract'
// Type only: the catalogue's texts stay out of the first script (early.ts imports this module); say() renders them.
import type { Message } from '../../../shared/messages'

function bridge(): RendererApi | null {
  return (globalThis as { api?: RendererApi }).api ?? null
}

export async function invoke<C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C> extends void ? [] : [InvokeArgs<C>]): Promise<InvokeResult<C>> {
  const api = bridge()
  if (!api) return { ok: false, error: { code: 'INTERNAL', text: { code: 'ipc.noWindowApi' } satisfies Message } }
  try {
    return await api.invoke(channel, ...args)
  } catch {
    return { ok: false, error: { code: 'INTERNAL', text: { code: 'ipc.internal' } satisfies Message } }
  }
}

export function on<E extends EventChannel>(channel: E, listener: (payload: EventMap[E]) => void): () => void {
  const api = bridge()
  if (!api) return () => {}
  return api.on(channel, listener)
}
