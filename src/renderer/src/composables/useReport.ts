import { NButton, useMessage, useNotification } from 'naive-ui'
import { h } from 'vue'
import type { IpcError } from '../../../shared/ipc/result'
import { say, useT } from '../i18n'
import { useNavStore } from '../stores/nav'
import { message as toast, notify } from './toasts'

/** Error codes whose fix is in Settings: the message carries a button that goes there. */
const FIX_IN_SETTINGS = new Set(['KEY_MISSING', 'KEY_STORAGE_UNAVAILABLE'])

/**
 * Turns failures into messages a clerk can act on: the app's own text for the code, main's specific reason under
 * it, and where it helps a button to the place where it is fixed. Cancelled dialogs say nothing.
 */
export function useReport() {
  const notification = useNotification()
  const message = useMessage()
  const t = useT()
  const nav = useNavStore()

  /** `note`: what the user must know beside the failure (whether anything was charged). */
  function error(e: IpcError | null | undefined, note?: string): void {
    if (!e || e.code === 'CANCELLED') return
    const text = t.value.errors.codes[e.code]
    const detail = say(e.text)
    // A finer code from main (NOT_SPREADSHEET under IMPORT_FAILED) goes beside the code, not into the sentence.
    const subCode = e.detail && /^[A-Z][A-Z0-9_]*$/.test(e.detail) ? e.detail : null
    const n = notify(notification, 'error', {
      title: text.title,
      description: text.hint,
      content: detail + (e.detail && !subCode ? ` (${e.detail})` : '') + (note ? `\n${note}` : ''),
      duration: FIX_IN_SETTINGS.has(e.code) ? 0 : 8000,
      meta: `code: ${e.code}${subCode ? ` · ${subCode}` : ''}`,
      action: FIX_IN_SETTINGS.has(e.code)
        ? () =>
            h(
              NButton,
              {
                type: 'primary',
                size: 'small',
                onClick: () => {
                  nav.go('settings')
                  n.destroy()
                },
              },
              { default: () => t.value.errors.openSettings },
            )
        : undefined,
    })
  }

  function success(text: string): void {
    toast(message, 'success', text)
  }

  /** A file written: where it is, and a button to its folder. */
  function saved(title: string, path: string | undefined, openFolder: (() => Promise<unknown>) | null): void {
    if (!path) return success(title)
    const n = notify(notification, 'success', {
      title,
      content: path,
      duration: 10_000,
      action: openFolder
        ? () =>
            h(
              NButton,
              {
                size: 'small',
                'data-test': 'open-export-folder',
                onClick: () => {
                  void openFolder()
                  n.destroy()
                },
              },
              { default: () => t.value.list.openFolder },
            )
        : undefined,
    })
  }

  function info(text: string): void {
    toast(message, 'info', text)
  }

  function warning(text: string): void {
    toast(message, 'warning', text, { duration: 6000 })
  }

  return { error, success, saved, info, warning }
}
