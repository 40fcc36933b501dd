import { useMessage } from 'naive-ui'
import { useT } from '../i18n'
import { message as toast } from './toasts'

/** Copies text and says so; falls back to a hidden textarea where the async clipboard is refused. */
export function useClipboard() {
  const message = useMessage()
  const t = useT()

  function fallback(text: string): boolean {
    const area = document.createElement('textarea')
    area.value = text
    area.setAttribute('readonly', '')
    area.style.position = 'fixed'
    area.style.opacity = '0'
    document.body.appendChild(area)
    area.select()
    let ok = false
    try {
      ok = document.execCommand('copy')
    } catch {
      ok = false
    }
    area.remove()
    return ok
  }

  async function copy(text: string): Promise<boolean> {
    let ok = false
    try {
      await navigator.clipboard.writeText(text)
      ok = true
    } catch {
      ok = fallback(text)
    }
    if (ok) toast(message, 'success', t.value.common.copied, { duration: 1500 })
    else toast(message, 'error', t.value.common.copyFailed)
    return ok
  }

  return { copy }
}
