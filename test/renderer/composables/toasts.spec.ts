import { beforeEach, describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { counted } from '../../../src/renderer/src/composables/toasts'
import { useReport } from '../../../src/renderer/src/composables/useReport'
import { locale } from '../../../src/renderer/src/i18n'
import { msg } from '../../../src/shared/messages'
import { bootedApi, install } from '../fake-api'
import { mountApp, settle } from '../mount'

beforeEach(() => {
  locale.value = 'zh-CN'
  document.body.innerHTML = ''
})

/** A component that hands out its useReport(), as every view has its own. */
function reporters(n: number): ReturnType<typeof useReport>[] {
  const out: ReturnType<typeof useReport>[] = []
  const One = defineComponent({ setup: () => (out.push(useReport()), () => h('i')) })
  install(bootedApi())
  mountApp(defineComponent({ setup: () => () => Array.from({ length: n }, () => h(One)) }))
  return out
}

const texts = (sel: string) => [...document.querySelectorAll(sel)].map((el) => el.textContent ?? '')

describe('toasts: identical ones are not stacked', () => {
  it('a burst of the same message shows one, counting the repeats, whichever component said it', async () => {
    const [a, b] = reporters(2) as [ReturnType<typeof useReport>, ReturnType<typeof useReport>]
    a.success('已复制')
    a.success('已复制')
    b.success('已复制')
    b.info('已导出')
    await settle()
    const shown = texts('.n-message')
    expect(shown.filter((t) => t.includes('已复制'))).toEqual(['已复制 ×3'])
    expect(shown.filter((t) => t.includes('已导出'))).toEqual(['已导出'])
  })

  it('the same failure reported again and again is one notification with a count', async () => {
    const [a] = reporters(1) as [ReturnType<typeof useReport>]
    const e = { code: 'NOT_ALLOWED' as const, text: msg('api.rateLimited') }
    for (let i = 0; i < 4; i++) a.error(e)
    await settle()
    const shown = texts('.n-notification')
    expect(shown).toHaveLength(1)
    expect(document.querySelector('.n-notification-main__header')?.textContent).toMatch(/×4$/)
  })

  it('counted() leaves a single one as it is', () => {
    expect(counted('已复制', 1)).toBe('已复制')
    expect(counted('Copied', 2)).toBe('Copied ×2')
  })
})
