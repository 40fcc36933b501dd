import type { IpcMainInvokeEvent } from 'electron'

export interface SenderFacts {
  webContentsId: number
  /** The sending frame's URL; null when the frame is gone (navigated or destroyed since it sent). */
  frameUrl: string | null
  isMainFrame: boolean
}

export interface TrustPolicy {
  /** Ids of our own windows' webContents. */
  webContentsIds(): readonly number[]
  isAppUrl(url: string): boolean
}

/** Only our own window, only its main frame, only while it shows the app: anything else is refused. */
export function isTrustedSender(facts: SenderFacts, policy: TrustPolicy): boolean {
  if (!facts.isMainFrame || facts.frameUrl === null) return false
  if (!policy.webContentsIds().includes(facts.webContentsId)) return false
  return policy.isAppUrl(facts.frameUrl)
}

export function senderFacts(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>): SenderFacts {
  const frame = event.senderFrame
  const main = event.sender.mainFrame
  const isMainFrame =
    frame !== null && frame !== undefined && frame.parent === null && frame.processId === main.processId && frame.routingId === main.routingId
  return { webContentsId: event.sender.id, frameUrl: frame?.url ?? null, isMainFrame }
}
