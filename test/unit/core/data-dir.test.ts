import { describe, expect, it } from 'vitest'
import { appDataRoot } from '../../../src/core/data-dir'

describe('the app data root', () => {
  it('ignores an empty or relative XDG_CONFIG_HOME, as the XDG spec says', () => {
    expect(appDataRoot('linux', { XDG_CONFIG_HOME: '' }, '/home/u')).toBe('/home/u/.config')
    expect(appDataRoot('linux', { XDG_CONFIG_HOME: '  ' }, '/home/u')).toBe('/home/u/.config')
    expect(appDataRoot('linux', { XDG_CONFIG_HOME: 'relative/conf' }, '/home/u')).toBe('/home/u/.config')
    expect(appDataRoot('linux', { XDG_CONFIG_HOME: '/srv/conf' }, '/home/u')).toBe('/srv/conf')
    expect(appDataRoot('win32', { APPDATA: '' }, 'C:\\Users\\u')).toContain('AppData')
  })
})
