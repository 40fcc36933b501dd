import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { EngineState } from '../../../shared/domain/engine'
import type { ChargeCounts } from '../../../shared/ipc/contract'
import { invoke } from '../ipc/client'

/** The engine's run state (running / paused and why / offline) and the charged-call counts. */
export const useEngineStore = defineStore('engine', () => {
  const state = ref<EngineState | null>(null)
  const charges = ref<ChargeCounts>({ today: 0, month: 0, total: 0 })
  const busy = ref(false)

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

  return { state, charges, busy, setState, setCharges, pause, resume }
})
