import { beforeEach, describe, expect, it } from 'vitest'
import DataCheck from '../../src/renderer/src/components/DataCheck.vue'
import { locale } from '../../src/renderer/src/i18n'
import { msg } from '../../src/shared/messages'
import { bootedApi, install } from './fake-api'
import { mountApp, settle } from './mount'

beforeEach(() => {
  locale.value = 'zh-CN'
  document.body.innerHTML = ''
})

describe('the data check in Settings', () => {
  it('lists what is wrong and what the repair does, in the chosen language; or says the files are sound', async () => {
    const finding = {
      kind: 'charge_without_lookup',
      text: msg('data.chargeWithoutLookup', { keyword: '甲', at: Date.UTC(2026, 11, 6, 2), jobid: null, outcome: 'accepted' }),
      repair: msg('data.repairChargeWithoutLookup'),
    }
    const api = bootedApi([], { 'data:check': () => [finding] })
    install(api)
    const w = mountApp(DataCheck)
    await w.find('[data-test=data-check-run]').trigger('click')
    await settle()
    expect(api.callsTo('data:check')).toHaveLength(1)
    const found = w.find('[data-test=data-check-found]')
    expect(found.text()).toContain('发现 1 项问题')
    expect(found.text()).toContain('在查询列表中不存在')
    expect(found.text()).toContain('microent doctor --repair，它将按收费记录重建该查询')
    locale.value = 'en'
    await settle()
    expect(w.find('[data-test=data-check-found]').text()).toContain('1 problem found')
    expect(w.find('[data-test=data-check-found]').text()).toContain('The lookup "甲" in the charged-call record (charged, 2026-12-06 10:00:00 Beijing time) is missing from the lookups')
    expect(w.find('[data-test=data-check-found]').text()).toContain('which will rebuild the lookup from the record')

    api.handle('data:check', () => [])
    await w.find('[data-test=data-check-run]').trigger('click')
    await settle()
    expect(w.find('[data-test=data-check-ok]').text()).toContain('sound')
  })
})
