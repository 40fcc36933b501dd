import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { defaultDataDir } from '../../../../src/core/data-dir'
import { desktopDataDir, pinUserData } from '../../../../src/main/app/identity'
import { fake } from '../fake-electron'

vi.mock('electron', async () => {
  const { fake } = await import('../fake-electron')
  return { default: fake, ...fake }
})

beforeEach(() => fake.control.reset())

describe('identity', () => {
  it('pins userData to <appData>/microent-desk so the CLI finds <userData>/data', () => {
    fake.app.setPath('appData', '/home/u/.config')
    expect(pinUserData(fake.app)).toBe('/home/u/.config/microent-desk')
    expect(fake.app.getPath('userData')).toBe('/home/u/.config/microent-desk')
    expect(desktopDataDir('/home/u/.config/microent-desk', {})).toBe(defaultDataDir('linux', { XDG_CONFIG_HOME: '/home/u/.config' }, '/home/u'))
  })
  it('lets MICROENT_DATA_DIR win, as it does for the CLI', () => {
    expect(desktopDataDir('/u', { MICROENT_DATA_DIR: ' /data/shared ' })).toBe('/data/shared')
    expect(desktopDataDir('/u', { MICROENT_DATA_DIR: '  ' })).toBe(join('/u', 'data'))
  })
})
