import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { AppInfo, AppSettings, KeyStatus, KeyStorage, KeyVerifyResult } from '../../../shared/ipc/contract'
import type { IpcError } from '../../../shared/ipc/result'
import { invoke } from '../ipc/client'
import { takeEarly } from '../ipc/early'
import { demoMode, setLocale } from '../i18n'

export type ExportFormat = AppSettings['exportFormat']

/** Settings shared with main, the API key's status (never the key) and app info (version, data folder, demo mode). */
export const useSettingsStore = defineStore('settings', () => {
  const settings = ref<AppSettings | null>(null)
  const key = ref<KeyStatus | null>(null)
  const info = ref<AppInfo | null>(null)
  const lastVerify = ref<KeyVerifyResult | null>(null)
  const verifying = ref(false)
  /** A restart into or out of demo mode has been asked for and not answered yet. */
  const switchingDemo = ref(false)

  const language = computed(() => settings.value?.language ?? 'zh-CN')
  const theme = computed(() => settings.value?.theme ?? 'system')
  const placeholder = computed(() => settings.value?.exportPlaceholder ?? '-')
  const exportFormat = computed<ExportFormat>(() => settings.value?.exportFormat ?? 'xlsx')
  const demo = computed(() => info.value?.demo ?? false)
  /** No key of one's own and not in demo mode: the moment to offer the demo. */
  const offerDemo = computed(() => key.value !== null && !key.value.set && info.value !== null && !info.value.demo)

  function adopt(s: AppSettings): void {
    settings.value = s
    setLocale(s.language)
  }

  /** Returns the first failure, or null. */
  async function load(): Promise<IpcError | null> {
    const [s, k, i] = await Promise.all([takeEarly('settings:get') ?? invoke('settings:get'), takeEarly('key:status') ?? invoke('key:status'), takeEarly('app:info') ?? invoke('app:info')])
    if (s.ok) adopt(s.value)
    if (k.ok) key.value = k.value
    if (i.ok) {
      info.value = i.value
      demoMode.value = i.value.demo
    }
    for (const r of [s, k, i]) if (!r.ok) return r.error
    return null
  }

  async function update(patch: Partial<AppSettings>) {
    const res = await invoke('settings:set', patch)
    if (res.ok) adopt(res.value)
    return res
  }

  async function setKey(value: string, storage: Exclude<KeyStorage, 'none'>) {
    const res = await invoke('key:set', { key: value, storage })
    if (res.ok) {
      key.value = res.value
      lastVerify.value = null
    }
    return res
  }

  async function verifyKey() {
    verifying.value = true
    const res = await invoke('key:verify')
    verifying.value = false
    lastVerify.value = res.ok ? res.value : null
    return res
  }

  async function clearKey() {
    const res = await invoke('key:clear')
    if (res.ok) {
      key.value = res.value
      lastVerify.value = null
    }
    return res
  }

  /** Asks the app to restart in (or out of) demo mode; the desktop app goes away once this answers. */
  async function setDemo(on: boolean) {
    switchingDemo.value = true
    const res = await invoke('app:set-demo', { on })
    switchingDemo.value = false
    return res
  }

  function openDataFolder() {
    return invoke('shell:open-data-folder')
  }

  /** `microent backup` for the folder the app holds: main asks where, then copies it while lookups go on. */
  function backup() {
    return invoke('data:backup')
  }

  /** `microent doctor`'s check, on the app's own lookups and charged-call record. */
  function checkData() {
    return invoke('data:check')
  }

  return {
    settings,
    key,
    info,
    lastVerify,
    verifying,
    switchingDemo,
    language,
    theme,
    placeholder,
    exportFormat,
    demo,
    offerDemo,
    load,
    update,
    setKey,
    verifyKey,
    clearKey,
    setDemo,
    openDataFolder,
    backup,
    checkData,
  }
})
