import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { AppInfo, AppSettings, KeyStatus, KeyStorage, KeyVerifyResult } from '../../../shared/ipc/contract'
import type { IpcError } from '../../../shared/ipc/result'
import { invoke } from '../ipc/client'
import { setLocale } from '../i18n'

export type ExportFormat = 'xlsx' | 'csv'
const FORMAT_KEY = 'microent.exportFormat'

function storedFormat(): ExportFormat {
  try {
    return globalThis.localStorage?.getItem(FORMAT_KEY) === 'csv' ? 'csv' : 'xlsx'
  } catch {
    return 'xlsx'
  }
}

/** Settings shared with main, the API key's status (never the key), app info, and the renderer's own preferences. */
export const useSettingsStore = defineStore('settings', () => {
  const settings = ref<AppSettings | null>(null)
  const key = ref<KeyStatus | null>(null)
  const info = ref<AppInfo | null>(null)
  const lastVerify = ref<KeyVerifyResult | null>(null)
  const verifying = ref(false)
  /** Not in AppSettings: only the renderer chooses the format it asks main for. */
  const exportFormat = ref<ExportFormat>(storedFormat())

  const language = computed(() => settings.value?.language ?? 'zh-CN')
  const theme = computed(() => settings.value?.theme ?? 'system')
  const placeholder = computed(() => settings.value?.exportPlaceholder ?? '-')

  function adopt(s: AppSettings): void {
    settings.value = s
    setLocale(s.language)
  }

  /** Returns the first failure, or null. */
  async function load(): Promise<IpcError | null> {
    const [s, k, i] = await Promise.all([invoke('settings:get'), invoke('key:status'), invoke('app:info')])
    if (s.ok) adopt(s.value)
    if (k.ok) key.value = k.value
    if (i.ok) info.value = i.value
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

  function setExportFormat(f: ExportFormat): void {
    exportFormat.value = f
    try {
      globalThis.localStorage?.setItem(FORMAT_KEY, f)
    } catch {
      // Private mode or a locked profile: the choice lasts for this session.
    }
  }

  function openDataFolder() {
    return invoke('shell:open-data-folder')
  }

  return { settings, key, info, lastVerify, verifying, exportFormat, language, theme, placeholder, load, update, setKey, verifyKey, clearKey, setExportFormat, openDataFolder }
})
