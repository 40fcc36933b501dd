import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Snapshot } from '../../../shared/ipc/contract'
import type { IpcError } from '../../../shared/ipc/result'
import { on } from '../ipc/client'
import { useEngineStore } from './engine'
import { useListStore } from './list'
import { useLookupsStore, type Outcome } from './lookups'
import { useNavStore } from './nav'
import { useSettingsStore } from './settings'

/**
 * Start-up: subscribe to every event first, then take the snapshot. Job updates and deletions that arrive while
 * it is on its way are held by the lookups store and applied after it, so nothing between the two is lost.
 */
export const useAppStore = defineStore('app', () => {
  const ready = ref(false)
  const bootError = ref<IpcError | null>(null)
  let unsubscribe: (() => void)[] = []

  async function start(): Promise<void> {
    if (unsubscribe.length) return
    const lookups = useLookupsStore()
    const engine = useEngineStore()
    const nav = useNavStore()
    const list = useListStore()
    const settings = useSettingsStore()

    unsubscribe = [
      on('job:updated', ({ jobs }) => lookups.applyUpdates(jobs)),
      on('jobs:deleted', ({ ids }) => lookups.applyDeleted(ids)),
      on('engine:state', (s) => engine.setState(s)),
      on('charges:changed', (c) => engine.setCharges(c)),
      // Progress is derived from the jobs themselves; the event only says a batch we may not know yet exists.
      on('batch:progress', (p) => {
        if (!lookups.batchById.has(p.batchId)) void lookups.refreshBatches()
      }),
      // Main has read every stored lookup: the snapshot taken at start held only the pending ones.
      on('lookups:loaded', () => void lookups.reload()),
      on('nav:open-lookup', ({ id }) => nav.openDetail(id)),
      on('nav:open-batch', ({ batchId }) => {
        list.followBatch(batchId)
        nav.go('lookups')
      }),
    ]

    // Ready as soon as the newest rows are listed: with a large store the later pages follow while the user works.
    let listed!: (s: Snapshot) => void
    const firstRows = new Promise<Outcome<Snapshot>>((resolve) => (listed = (value) => resolve({ ok: true, value })))
    const whole = lookups.load(listed)
    const [snap, settingsError] = await Promise.all([Promise.race([firstRows, whole]), settings.load()])
    if (snap.ok) {
      engine.setState(snap.value.engine)
      engine.setCharges(snap.value.charges)
    }
    bootError.value = snap.ok ? settingsError : snap.error
    ready.value = true
    if (snap.ok) void whole.then((rest) => (rest.ok ? undefined : (bootError.value ??= rest.error)))
  }

  function stop(): void {
    for (const u of unsubscribe) u()
    unsubscribe = []
  }

  return { ready, bootError, start, stop }
})
