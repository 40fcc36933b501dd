import { describe, expect, it } from 'vitest'
import { originOf, rendererLocation } from '../../../../src/main/window/renderer-location'

describe('renderer location', () => {
  it('loads the bundle when packaged, whatever the environment says', () => {
    expect(rendererLocation({ isPackaged: true, devUrl: 'http://localhost:5173' })).toEqual({ url: 'microent://app/index.html', trustedOrigins: ['microent://app'] })
  })
  it('uses a loopback dev server only when unpackaged', () => {
    expect(rendererLocation({ isPackaged: false, devUrl: 'http://localhost:5173/' }).trustedOrigins).toEqual(['http://localhost:5173'])
    expect(rendererLocation({ isPackaged: false, devUrl: 'http://192.168.1.5:5173/' }).url).toBe('microent://app/index.html')
    expect(rendererLocation({ isPackaged: false, devUrl: 'file:///tmp/index.html' }).url).toBe('microent://app/index.html')
  })
  it('builds origins for custom schemes by hand', () => {
    expect(originOf('microent://app/x?y#z')).toBe('microent://app')
    expect(originOf('data:text/html,hi')).toBeNull()
    expect(originOf('not a url')).toBeNull()
  })
})
