import { describe, expect, it } from 'vitest'
import { isTrustedSender, senderFacts } from '../../../../src/main/security/trusted-sender'
import { APP_ENTRY_URL, isTrustedUrl, rendererLocation } from '../../../../src/main/window/renderer-location'

const WINDOW_ID = 41
const prod = rendererLocation({ isPackaged: true, devUrl: 'http://localhost:5173' })

type FrameKind = 'main' | 'sub' | 'gone'
function ipcEvent(opts: { id?: number; url?: string; frame?: FrameKind } = {}) {
  const url = opts.url ?? APP_ENTRY_URL
  const mainFrame = { processId: 3, routingId: 1, parent: null, url }
  const frame = opts.frame ?? 'main'
  const senderFrame = frame === 'main' ? mainFrame : frame === 'sub' ? { processId: 3, routingId: 2, parent: mainFrame, url } : null
  return { sender: { id: opts.id ?? WINDOW_ID, mainFrame }, senderFrame }
}

describe('isTrustedSender', () => {
  const policy = { webContentsIds: () => [1], isAppUrl: (u: string) => isTrustedUrl(u, prod) }
  it('needs our window, its main frame and the app origin', () => {
    expect(isTrustedSender({ webContentsId: 1, frameUrl: APP_ENTRY_URL, isMainFrame: true }, policy)).toBe(true)
    expect(isTrustedSender({ webContentsId: 1, frameUrl: 'microent://app/deep/route', isMainFrame: true }, policy)).toBe(true)
    expect(isTrustedSender({ webContentsId: 2, frameUrl: APP_ENTRY_URL, isMainFrame: true }, policy)).toBe(false)
    expect(isTrustedSender({ webContentsId: 1, frameUrl: APP_ENTRY_URL, isMainFrame: false }, policy)).toBe(false)
    expect(isTrustedSender({ webContentsId: 1, frameUrl: null, isMainFrame: true }, policy)).toBe(false)
    expect(isTrustedSender({ webContentsId: 1, frameUrl: 'MICROENT://APP/index.html', isMainFrame: true }, policy)).toBe(true)
  })
  it('reads the facts from an event', () => {
    expect(senderFacts(ipcEvent() as never)).toEqual({ webContentsId: WINDOW_ID, frameUrl: APP_ENTRY_URL, isMainFrame: true })
    expect(senderFacts(ipcEvent({ frame: 'sub' }) as never).isMainFrame).toBe(false)
    expect(senderFacts(ipcEvent({ frame: 'gone' }) as never)).toMatchObject({ frameUrl: null, isMainFrame: false })
  })
})
