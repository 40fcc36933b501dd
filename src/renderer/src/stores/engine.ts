import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { EngineState } from '../../../shared/domain/engine'
import type { ChargeCounts, RecoveryReport } from '../../../shared/ipc/contract'
import { invoke } from '../ipc/client'

/** The engine's run state (running / paused and why / offline) and the charged-call counts. */
export const useEngineStore = defineStore('engine', () => {
  const state = ref<EngineState | null>(null)
  const charges = ref<ChargeCounts>({ today: 0, month: 0, total: 0 })
  const busy = ref(false)
  /** What the start recovered (RecoveryBanner.vue), until the user dismisses it. */
  const recovery = ref<RecoveryReport | null>(null)

  function setRecovery(r: RecoveryReport | null | undefined): void {
    recovery.value = r && !dismissed(r) ? r : null
  }

  function dismissRecovery(): void {
    if (recovery.value) remember(recovery.value)
    recovery.value = null
  }

  function setState(s: EngineState): void {
    state.value = s
  }

  function setCharges(c: ChargeCounts): void {
    charges.value = c
  }

  async function pause() {
    busy.value = true
    const res = await invoke('engine:pause')
    busy.value = false
    if (res.ok) state.value = res.value
    return res
  }

  async function resume() {
    busy.value = true
    const res = await invoke('engine:resume')
    busy.value = false
    if (res.ok) state.value = res.value
    return res
  }

  return { state, charges, busy, recovery, setState, setCharges, setRecovery, dismissRecovery, pause, resume }
})

/** A dismissed report stays dismissed when the window reloads (the same start's report: same time). */
const DISMISSED_KEY = 'microent.recovery.dismissed'

function dismissed(r: RecoveryReport): boolean {
  try {
    return globalThis.sessionStorage?.getItem(DISMISSED_KEY) === String(r.at)
  } catch {
    return false
  }
}

function remember(r: RecoveryReport): void {
  try {
    globalThis.sessionStorage?.setItem(DISMISSED_KEY, String(r.at))
  } catch {
    // No storage (tests, a locked-down window): dismissed for this page only.
  }
}
