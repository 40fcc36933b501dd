// The renderer's only door to main: invoke/on for the contract's channels, nothing else. Bundled into one
// CommonJS file (a sandboxed preload can require nothing but 'electron').
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { EVENT_CHANNELS, INVOKE_CHANNELS, type RendererApi } from '../shared/ipc/contract'
import { fail } from '../shared/ipc/result'

const invokeAllowed = new Set<string>(INVOKE_CHANNELS)
const eventAllowed = new Set<string>(EVENT_CHANNELS)

const api: RendererApi = {
  // Errors never throw across IPC: a bad channel or a broken channel answers with the Result envelope too. The
  // messages are written as plain data: the catalogue itself stays out of the sandboxed preload bundle.
  invoke(channel, ...args) {
    if (!invokeAllowed.has(channel)) return Promise.resolve(fail('VALIDATION', { code: 'ipc.unknownChannel' }, String(channel).slice(0, 60)))
    return ipcRenderer.invoke(channel, args[0]).catch(() => fail('INTERNAL', { code: 'ipc.internal' }))
  },
  on(channel, listener) {
    if (!eventAllowed.has(channel)) throw new Error(`channel not allowed: ${String(channel)}`)
    // The IPC event (with its sender) never reaches the page: only the payload does.
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload as never)
    ipcRenderer.on(channel, wrapped)
    return () => {
      ipcRenderer.removeListener(channel, wrapped)
    }
  },
}

contextBridge.exposeInMainWorld('api', Object.freeze(api))
