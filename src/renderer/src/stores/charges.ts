import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ChargeExportRequest } from '../../../shared/ipc/contract'
import { invoke } from '../ipc/client'

/** The charged-call record's audit export: main asks where to save and writes it (the page never names a path). */
export const useChargesStore = defineStore('charges', () => {
  const exporting = ref(false)

  async function exportRecord(req: ChargeExportRequest) {
    exporting.value = true
    try {
      return await invoke('charges:export', req)
    } finally {
      exporting.value = false
    }
  }

  /** Opens the folder of the file just written, with the file selected. */
  function showExport(reveal: string) {
    return invoke('shell:show-export', { reveal })
  }

  return { exporting, exportRecord, showExport }
})
