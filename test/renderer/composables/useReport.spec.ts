import { beforeEach, describe, expect, it, vi } from 'vitest'
import { useReport } from '../../../src/renderer/src/composables/useReport'
import { locale } from '../../../src/renderer/src/i18n'
import { zhCN } from '../../../src/renderer/src/i18n/zh-CN'
import { useNavStore } from '../../../src/renderer/src/stores/nav'
import { msg, render } from '../../../src/shared/messages'
import { settle } from '../mount'
import { withSetup } from './setup'

beforeEach(() => {
  locale.value = 'zh-CN'
  document.body.innerHTML = ''
})

const notes = () => [...document.querySelectorAll('.n-notification')].map((n) => n.textContent ?? '')

describe('useReport', () => {
  it("says an error by the app's text for its code and main's reason under it, and nothing for a cancelled dialog", async () => {
    const { result } = withSetup(() => useReport())
    result.error({ code: 'CANCELLED', text: msg('ipc.internal') })
    result.error(null)
    await settle()
    expect(notes()).toEqual([])
    result.error({ code: 'INTERNAL', text: msg('ipc.internal') }, '未收费')
    await settle()
    expect(notes()).toHaveLength(1)
    expect(notes()[0]).toContain(zhCN.errors.codes.INTERNAL.title)
    expect(notes()[0]).toContain(render(msg('ipc.internal'), 'zh-CN'))
    expect(notes()[0]).toContain('未收费')
  })

  it('offers a way to Settings for an error fixed there', async () => {
    const { result } = withSetup(() => useReport())
    const nav = useNavStore()
    result.error({ code: 'KEY_MISSING', text: msg('ipc.internal') })
    await settle()
    const go = [...document.querySelectorAll('.n-notification button')].find((b) => b.textContent?.includes(zhCN.errors.openSettings)) as HTMLButtonElement | undefined
    expect(go).toBeDefined()
    go?.click()
    expect(nav.view).toBe('settings')
  })

  it('says where a written file is, with a button to its folder', async () => {
    const { result } = withSetup(() => useReport())
    const open = vi.fn(async () => undefined)
    result.saved('已导出', '/tmp/a.xlsx', open)
    await settle()
    expect(notes()[0]).toContain('/tmp/a.xlsx')
    ;(document.querySelector('[data-test=open-export-folder]') as HTMLButtonElement).click()
    expect(open).toHaveBeenCalledOnce()
  })

  it('falls back to a short message when no path came back, and shows plain messages', async () => {
    const { result } = withSetup(() => useReport())
    result.saved('已导出 3 项', undefined, null)
    result.info('提示一')
    result.warning('警告二')
    await settle()
    expect(notes()).toEqual([])
    for (const text of ['已导出 3 项', '提示一', '警告二']) expect(document.body.textContent).toContain(text)
  })
})
