/**
 * A typed message catalogue instead of string keys: a missing or misspelt translation is a compile error, and there
 * is no runtime message compiler to clash with the strict CSP (no eval). naive-ui gets its own locale objects.
 */
import { computed, ref } from 'vue'
import type { AppSettings } from '../../../shared/ipc/contract'
import { zhCN } from './zh-CN'
import { en } from './en'
import { demoText, demoWording } from './demo-wording'
import { render, type MessageData } from '../../../shared/messages'
import type { Messages } from './types'

export type Locale = AppSettings['language']
export type { Messages }

const catalogues: Record<Locale, Messages> = { 'zh-CN': zhCN, en }

export const locale = ref<Locale>('zh-CN')

export function setLocale(l: Locale): void {
  locale.value = l
  if (typeof document === 'undefined') return
  document.documentElement.lang = l
  // The window's title bar (and the taskbar) follow the page's title: the app's name in the app's language.
  document.title = catalogues[l].appName
}

/** Demo mode: nothing is charged, and no text says otherwise (see demo-wording.ts). */
export const demoMode = ref(false)
const demoCatalogues: Partial<Record<Locale, Messages>> = {}

const current = computed(() => {
  const l = locale.value
  if (!demoMode.value) return catalogues[l]
  return (demoCatalogues[l] ??= demoWording(catalogues[l], l))
})

/** The messages of the current language (reactive). */
export function useT() {
  return current
}

/** For code outside components (stores): the messages right now. */
export function messages(): Messages {
  return current.value
}

/**
 * A message of the shared catalogue (what main, the core and the CLI say) in the window's language (reactive when
 * called in a render or a computed), reworded like everything else in demo mode.
 */
export function say(m: MessageData): string {
  const text = render(m, locale.value)
  return demoMode.value ? demoText(text, locale.value) : text
}
