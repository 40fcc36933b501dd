import { beforeEach, describe, expect, it, vi } from 'vitest'
import { denyAllPermissions } from '../../../../src/main/security/permissions'
import { fake, preventable } from '../fake-electron'

vi.mock('electron', async () => {
  const { fake } = await import('../fake-electron')
  return { default: fake, ...fake }
})

const silent = { info() {}, warn() {}, error() {} }

beforeEach(() => fake.control.reset())

describe('denyAllPermissions', () => {
  it('denies every request and check, device access and downloads', () => {
    const s = fake.session.defaultSession
    denyAllPermissions(s as never, silent)
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      let answer: boolean | null = null
      s.permissionRequestHandler?.({}, permission, (ok) => (answer = ok))
      expect(answer).toBe(false)
    }
    expect(s.permissionCheckHandler?.({}, 'media', 'microent://app')).toBe(false)
    expect(s.devicePermissionHandler?.({})).toBe(false)
    const download = preventable()
    s.emit('will-download', download, {}, {})
    expect(download.defaultPrevented).toBe(true)
  })
})
