import { beforeEach, describe, expect, it, vi } from 'vitest'
import { installAppMenu } from '../../../../src/main/window/app-menu'
import { fake } from '../fake-electron'

vi.mock('electron', async () => {
  const { fake } = await import('../fake-electron')
  return { default: fake, ...fake }
})

beforeEach(() => fake.control.reset())

describe('installAppMenu', () => {
  it("keeps Electron's default menu in development", () => {
    installAppMenu('win32', false)
    installAppMenu('darwin', false)
    expect(fake.Menu.applicationMenu).toBeUndefined()
  })

  it.each(['win32', 'linux'] as const)('removes the menu bar of a packaged app on %s', (platform) => {
    installAppMenu(platform, true)
    expect(fake.Menu.applicationMenu).toBeNull()
  })

  it('keeps only the app, edit and window menus on macOS: no reload, no developer tools', () => {
    installAppMenu('darwin', true)
    expect(fake.Menu.applicationMenu).toEqual({ items: [{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }] })
  })
})
