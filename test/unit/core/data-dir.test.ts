import { describe, expect, it } from 'vitest'
import { appDataRoot, defaultDataDir, resolveDataDir, timeScaleFromEnv } from '../../../src/core/data-dir'

describe('the app data root', () => {
  it('ignores an empty or relative XDG_CONFIG_HOME, as the XDG spec says', () => {
    expect(appDataRoot('linux', { XDG_CONFIG_HOME: '' }, '/home/u')).toBe('/home/u/.config')
    expect(appDataRoot('linux', { XDG_CONFIG_HOME: '  ' }, '/home/u')).toBe('/home/u/.config')
    expect(appDataRoot('linux', { XDG_CONFIG_HOME: 'relative/conf' }, '/home/u')).toBe('/home/u/.config')
    expect(appDataRoot('linux', { XDG_CONFIG_HOME: '/srv/conf' }, '/home/u')).toBe('/srv/conf')
    expect(appDataRoot('win32', { APPDATA: '' }, 'C:\\Users\\u')).toContain('AppData')
  })
})

describe('the data folder', () => {
  it('is microent-desk/data under the app data root of each platform', () => {
    expect(defaultDataDir('darwin', {}, '/Users/u')).toBe('/Users/u/Library/Application Support/microent-desk/data')
    expect(defaultDataDir('linux', {}, '/home/u')).toBe('/home/u/.config/microent-desk/data')
    expect(appDataRoot('win32', { APPDATA: 'D:\\Roaming' }, 'C:\\Users\\u')).toBe('D:\\Roaming')
  })

  it('is MICROENT_DATA_DIR when set (trimmed), so the CLI and the app can share another folder', () => {
    expect(resolveDataDir({ MICROENT_DATA_DIR: ' /srv/microent ' })).toBe('/srv/microent')
    expect(resolveDataDir({ MICROENT_DATA_DIR: '  ', XDG_CONFIG_HOME: '/x' })).toBe(defaultDataDir(process.platform, { XDG_CONFIG_HOME: '/x' }))
  })
})

describe('timeScaleFromEnv', () => {
  it('takes a positive number, and 1 for anything else', () => {
    expect(timeScaleFromEnv({ MICROENT_TIME_SCALE: '0.001' })).toBe(0.001)
    expect(timeScaleFromEnv({})).toBe(1)
    for (const v of ['0', '-2', 'fast', 'Infinity']) expect(timeScaleFromEnv({ MICROENT_TIME_SCALE: v }), v).toBe(1)
  })
})
