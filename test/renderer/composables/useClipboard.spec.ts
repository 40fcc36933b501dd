import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useClipboard } from '../../../src/renderer/src/composables/useClipboard'
import { locale } from '../../../src/renderer/src/i18n'
import { zhCN } from '../../../src/renderer/src/i18n/zh-CN'
import { settle } from '../mount'
import { withSetup } from './setup'

beforeEach(() => {
  locale.value = 'zh-CN'
  document.body.innerHTML = ''
})
afterEach(() => vi.restoreAllMocks())

describe('useClipboard', () => {
  it('copies with the clipboard and says so', async () => {
    const write = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue()
    const { result } = withSetup(() => useClipboard())
    expect(await result.copy('91510100MA61R6XQ3J')).toBe(true)
    expect(write).toHaveBeenCalledWith('91510100MA61R6XQ3J')
    await settle()
    expect(document.body.textContent).toContain(zhCN.common.copied)
  })

  it('falls back to a hidden text area when the clipboard is refused, and says when that fails too', async () => {
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'))
    const exec = vi.fn(() => true)
    Object.defineProperty(document, 'execCommand', { value: exec, configurable: true })
    const { result } = withSetup(() => useClipboard())
    expect(await result.copy('甲')).toBe(true)
    expect(exec).toHaveBeenCalledWith('copy')
    expect(document.querySelector('textarea')).toBeNull()
    exec.mockImplementation(() => {
      throw new Error('no')
    })
    expect(await result.copy('乙')).toBe(false)
    await settle()
    expect(document.body.textContent).toContain(zhCN.common.copyFailed)
  })
})
