import { describe, expect, it } from 'vitest'
import { useShortcuts } from '../../../src/renderer/src/composables/useShortcuts'
import { useNavStore } from '../../../src/renderer/src/stores/nav'
import { withSetup } from './setup'

const key = (init: KeyboardEventInit) => {
  const e = new KeyboardEvent('keydown', { cancelable: true, ...init })
  window.dispatchEvent(e)
  return e
}

describe('useShortcuts', () => {
  it('Ctrl/Cmd+F asks for the list search, Esc closes the detail pane unless a dialog is open, until unmounted', () => {
    const { wrapper } = withSetup(() => useShortcuts())
    const nav = useNavStore()
    nav.go('settings')
    expect(key({ key: 'f', ctrlKey: true }).defaultPrevented).toBe(true)
    expect([nav.view, nav.searchFocus]).toEqual(['lookups', 1])
    key({ key: 'F', metaKey: true })
    key({ key: 'f', ctrlKey: true, altKey: true })
    expect(nav.searchFocus).toBe(2)
    nav.openDetail('j1')
    const dialog = document.createElement('div')
    dialog.className = 'n-dialog'
    document.body.append(dialog)
    key({ key: 'Escape' })
    expect(nav.detailId).toBe('j1')
    dialog.remove()
    key({ key: 'Escape' })
    expect(nav.detailId).toBeNull()
    wrapper.unmount()
    key({ key: 'f', ctrlKey: true })
    expect(nav.searchFocus).toBe(2)
  })
})
