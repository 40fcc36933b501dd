import { beforeEach, describe, expect, it } from 'vitest'
import { useDemoSwitch } from '../../../src/renderer/src/composables/useDemoSwitch'
import { locale } from '../../../src/renderer/src/i18n'
import { zhCN } from '../../../src/renderer/src/i18n/zh-CN'
import { bootedApi, install } from '../fake-api'
import { settle } from '../mount'
import { withSetup } from './setup'

beforeEach(() => {
  locale.value = 'zh-CN'
  document.body.innerHTML = ''
})

describe('useDemoSwitch', () => {
  it('enters demo mode at once and says the app restarts', async () => {
    const api = bootedApi([], { 'app:set-demo': () => undefined })
    install(api)
    const { result } = withSetup(() => useDemoSwitch())
    await result.enter()
    await settle()
    expect(api.callsTo('app:set-demo')).toEqual([{ on: true }])
    expect(document.body.textContent).toContain(zhCN.demo.restarting)
  })

  it('leaves only once the user confirms', async () => {
    const api = bootedApi([], { 'app:set-demo': () => undefined })
    install(api)
    const { result } = withSetup(() => useDemoSwitch())
    result.leave()
    await settle()
    expect(document.querySelector('.n-dialog')?.textContent).toContain(zhCN.demo.leave)
    expect(api.callsTo('app:set-demo')).toEqual([])
    const yes = [...document.querySelectorAll('.n-dialog button')].find((b) => b.textContent?.includes(zhCN.demo.leaveConfirm)) as HTMLButtonElement
    yes.click()
    await settle()
    expect(api.callsTo('app:set-demo')).toEqual([{ on: false }])
  })

  it('reports a host that cannot switch', async () => {
    install(bootedApi())
    const { result } = withSetup(() => useDemoSwitch())
    await result.enter()
    await settle()
    expect(document.querySelector('.n-notification')?.textContent).toContain(zhCN.errors.codes.INTERNAL.title)
    expect(document.body.textContent).not.toContain(zhCN.demo.restarting)
  })
})
