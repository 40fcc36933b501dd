/**
 * Start-up's first requests, sent before the app's code is even evaluated (a separate, tiny entry calls startEarly;
 * see early-entry.ts), so main builds the first list while the page compiles its JavaScript. Events that arrive
 * meanwhile are kept, in order, and handed to the app with the answers: the snapshot is only correct together with
 * the changes after it.
 */
import { EVENT_CHANNELS, type EventChannel, type EventMap, type InvokeResult } from '../../../shared/ipc/contract'
import { invoke, on } from './client'

/**
 * Every request start-up makes: once the snapshot is answered main starts reading the archive (one file per tick),
 * which would hold up any start-up request that came later.
 */
type EarlyChannel = 'lookups:snapshot' | 'settings:get' | 'key:status' | 'app:info'
export type EarlyEvent = { [E in EventChannel]: { channel: E; payload: EventMap[E] } }[EventChannel]

let started = false
let requests: Partial<{ [C in EarlyChannel]: Promise<InvokeResult<C>> }> = {}
let events: EarlyEvent[] | null = null
/** How many events had arrived when the snapshot was answered: those before it are older than what it carries. */
let snapshotAnsweredAt: number | null = null
let unsubscribe: (() => void)[] = []

export function startEarly(): void {
  if (started) return
  started = true
  const kept: EarlyEvent[] = (events = [])
  // Subscribed before asking, so no change after the snapshot can slip between the two.
  unsubscribe = EVENT_CHANNELS.map((channel) => on(channel, (payload) => kept.push({ channel, payload } as EarlyEvent)))
  const snapshot = invoke('lookups:snapshot').then((res) => {
    if (events === kept) snapshotAnsweredAt = kept.length
    return res
  })
  requests = { 'lookups:snapshot': snapshot, 'settings:get': invoke('settings:get'), 'key:status': invoke('key:status'), 'app:info': invoke('app:info') }
}

/** The answer to a request sent early, once; null when none was (the app then asks itself). */
export function takeEarly<C extends EarlyChannel>(channel: C): Promise<InvokeResult<C>> | null {
  const p = requests[channel] as Promise<InvokeResult<C>> | undefined
  delete requests[channel]
  return p ?? null
}

/**
 * The events kept so far, oldest first, and no more keeping: call it in the same task as the app subscribes its own
 * listeners, so every event reaches the app exactly once.
 */
export function takeEarlyEvents(): { events: EarlyEvent[]; snapshotAnsweredAt: number | null } {
  for (const off of unsubscribe) off()
  unsubscribe = []
  const out = { events: events ?? [], snapshotAnsweredAt }
  events = null
  return out
}
