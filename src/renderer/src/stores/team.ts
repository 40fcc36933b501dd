import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { KeyStorage, TeamCapsChange, TeamConnectionReport, TeamSettingsChange, TeamSettingsView } from '../../../shared/ipc/contract'
import { invoke } from '../ipc/client'

/**
 * Team mode's settings (issue 17) as main reports them: the saved URL and desk, whether a password is kept (never the
 * password), what this run uses and whether a restart is needed; and the last connection test.
 */
export const useTeamStore = defineStore('team', () => {
  const view = ref<TeamSettingsView | null>(null)
  const report = ref<TeamConnectionReport | null>(null)
  const testing = ref(false)
  const saving = ref(false)
  const savingCaps = ref(false)

  async function load() {
    const res = await invoke('team:get')
    if (res.ok) view.value = res.value
    return res
  }

  async function save(change: TeamSettingsChange) {
    saving.value = true
    const res = await invoke('team:set', change)
    saving.value = false
    if (res.ok) {
      view.value = res.value
      // A test of the settings as they were says nothing about the saved ones.
      report.value = null
    }
    return res
  }

  async function clearPassword() {
    const res = await invoke('team:clear-password')
    if (res.ok) view.value = res.value
    return res
  }

  /** Tests what is entered (empty fields: the saved URL, the kept password). */
  async function test(entered: { databaseUrl: string; password: string; desk?: string }) {
    testing.value = true
    report.value = null
    const desk = entered.desk?.trim() ? { desk: entered.desk.trim() } : {}
    const res = await invoke('team:test', { ...(entered.databaseUrl.trim() ? { databaseUrl: entered.databaseUrl.trim() } : {}), ...(entered.password ? { password: entered.password } : {}), ...desk })
    testing.value = false
    if (res.ok) report.value = res.value
    return res
  }

  /** The team's caps and price, in the team database (team mode only); answers the team's use as read back. */
  async function saveCaps(change: TeamCapsChange) {
    savingCaps.value = true
    const res = await invoke('team:set-caps', change)
    savingCaps.value = false
    return res
  }

  function restart() {
    return invoke('app:restart')
  }

  /** Where a new password is kept: encrypted, unless the OS cannot and the user chose otherwise. */
  function storageFor(weakChoice: Exclude<KeyStorage, 'none' | 'encrypted'>): Exclude<KeyStorage, 'none'> {
    return view.value?.password.encryptionAvailable === false ? weakChoice : 'encrypted'
  }

  return { view, report, testing, saving, savingCaps, load, save, saveCaps, clearPassword, test, restart, storageFor }
})
