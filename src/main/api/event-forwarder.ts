import type { EngineState } from '../../shared/domain/engine'
import type { Job } from '../../shared/domain/job'
import type { Clock, Timers } from '../../core/ports'
import type { Services } from '../../core/services'
import type { EventPort } from './ports'

/** Job changes are sent together at most this often, so 1,000 updates a second cost a few messages, not 1,000. */
export const JOB_EVENT_BATCH_MS = 100

/**
 * Forwards engine events to the renderer: job updates batched (latest copy per job), the rest as they come. The
 * engine announces its state when its status changes, not for every job; its pending and in-flight counts follow
 * with each batch of job updates, when they changed, so the window's indicator never says "idle" beside running
 * lookups.
 */
export function forwardEngineEvents(services: Services, events: EventPort, clock: Clock, timers: Timers): () => void {
  let buffered = new Map<string, Job>()
  let timer: unknown = null
  let chargesDirty = false
  let lastState: EngineState | null = null

  const sendState = (state: EngineState) => {
    lastState = state
    events.send('engine:state', state)
  }

  const flush = () => {
    timer = null
    if (buffered.size) {
      const jobs = [...buffered.values()]
      buffered = new Map()
      events.send('lookups:updated', { jobs })
      const state = services.engine.state()
      if (!lastState || state.pending !== lastState.pending || state.inFlight !== lastState.inFlight || state.status !== lastState.status) sendState(state)
    }
    if (chargesDirty) {
      chargesDirty = false
      events.send('charges:changed', services.charges.counts(clock.now()))
    }
  }

  const unsubscribe = services.on((e) => {
    switch (e.type) {
      case 'lookups:updated':
        buffered.set(e.job.id, e.job)
        // Leaving `submitting` means a charged call just settled.
        if (e.job.status !== 'submitting' && e.job.submittedAt !== null) chargesDirty = true
        if (timer === null) timer = timers.setTimeout(flush, JOB_EVENT_BATCH_MS)
        break
      case 'engine:state':
        sendState(e.state)
        break
      case 'batches:progress':
        events.send('batches:progress', e.progress)
        break
      case 'lookups:deleted':
        for (const id of e.ids) buffered.delete(id)
        events.send('lookups:deleted', { ids: e.ids })
        break
      case 'lookups:loaded':
        // Job changes sent before it are older than the snapshot the renderer will now ask for.
        if (timer !== null) timers.clearTimeout(timer)
        flush()
        events.send('lookups:loaded', { count: services.reads.loaded().length })
        break
    }
  })

  return () => {
    unsubscribe()
    if (timer !== null) timers.clearTimeout(timer)
    flush()
  }
}
