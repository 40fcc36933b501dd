import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import EngineBanner from '../../src/renderer/src/components/EngineBanner.vue'
import { locale } from '../../src/renderer/src/i18n'
import { useEngineStore } from '../../src/renderer/src/stores/engine'
import { useSettingsStore } from '../../src/renderer/src/stores/settings'
import { bootedApi, install, runningEngine } from './fake-api'
import { mountApp, settle } from './mount'

/** 10:30:00 in Beijing. */
const NOW = Date.UTC(2026, 11, 6, 2, 30, 0)

beforeEach(() => {
  locale.value = 'zh-CN'
  document.body.innerHTML = ''
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
})
afterEach(() => vi.useRealTimers())

function offline(offlineSince: number, nextProbeAt: number) {
  install(bootedApi())
  const w = mountApp(EngineBanner)
  useSettingsStore().key = { set: true, masked: 'x', storage: 'encrypted', encryptionAvailable: true, backend: null }
  useEngineStore().setState({ ...runningEngine, status: 'offline', offlineSince, nextProbeAt })
  return w
}

describe('EngineBanner offline: since when, and when it checks next', () => {
  it('names the time it went offline and how long ago, and the next check ahead', async () => {
    const w = offline(NOW - 3 * 60_000, NOW + 30_000)
    await settle()
    expect(w.text()).toContain('自 10:27:00（3分前） 起无法连接聚合数据')
    expect(w.text()).toContain('下次检测：10:30:30（约 30秒后）')
    locale.value = 'en'
    await settle()
    expect(w.text()).toContain('unreachable since 10:27:00 (3 min ago)')
    expect(w.text()).toContain('Next check: 10:30:30 (in about 30 s)')
  })

  it('never shows a check time already past: a due check is under way', async () => {
    // Offline at 10:29:55; the first check was due at 10:30:00 and is out (its answer sets the next time).
    const w = offline(NOW - 5_000, NOW - 200)
    await settle()
    expect(w.text()).toContain('下次检测：正在检测…')
    expect(w.text()).toContain('自 10:29:55（5秒前） 起')
    expect(w.text()).not.toContain('10:29:59')
    expect(w.text()).not.toContain('0秒后')
    locale.value = 'en'
    await settle()
    expect(w.text()).toContain('Next check: checking now…')
  })

  it('says "just now" rather than "0 s ago"', async () => {
    const w = offline(NOW - 300, NOW + 4_700)
    await settle()
    expect(w.text()).toContain('自 10:29:59（刚刚） 起')
    locale.value = 'en'
    await settle()
    expect(w.text()).toContain('since 10:29:59 (just now)')
  })

  it('gives the day of an offline time before today', async () => {
    const w = offline(NOW - 26 * 3600_000, NOW + 60_000)
    await settle()
    expect(w.text()).toContain('自 2026-12-05 08:30:00（1天 2小时前）')
  })
})
