import { beforeEach, describe, expect, it, vi } from 'vitest'
import { blockRemoteRequests, isAllowedRequest } from '../../../../src/main/security/request-filter'
import { rendererLocation } from '../../../../src/main/window/renderer-location'
import { fake } from '../fake-electron'

vi.mock('electron', async () => {
  const { fake } = await import('../fake-electron')
  return { default: fake, ...fake }
})

const prod = rendererLocation({ isPackaged: true, devUrl: undefined })
const dev = rendererLocation({ isPackaged: false, devUrl: 'http://localhost:5173' })
const silent = { info() {}, warn() {}, error() {} }

beforeEach(() => fake.control.reset())

describe('remote requests', () => {
  it.each([
    ['microent://app/assets/x.js', prod, true],
    ['data:image/png;base64,AAAA', prod, true],
    ['blob:microent://app/123', prod, true],
    ['devtools://devtools/bundled/x.js', prod, true],
    ['https://cdn.example.com/x.js', prod, false],
    ['http://localhost:5173/src/main.ts', prod, false],
    ['http://localhost:5173/src/main.ts', dev, true],
    ['ws://localhost:5173/', dev, true],
    ['ws://localhost:9999/', dev, false],
    ['file:///etc/passwd', prod, false],
    ['https://v.juhe.cn/xiaowei/query', prod, false],
  ])('%s is allowed: %s', (url, location, allowed) => {
    expect(isAllowedRequest(url, location.trustedOrigins)).toBe(allowed)
  })

  it('cancels blocked requests in the session', () => {
    const s = fake.session.defaultSession
    blockRemoteRequests(s as never, prod.trustedOrigins, silent)
    const answers: boolean[] = []
    s.beforeRequest?.({ url: 'https://cdn.example.com/x.js' }, (r) => answers.push(r.cancel))
    s.beforeRequest?.({ url: 'microent://app/index.html' }, (r) => answers.push(r.cancel))
    expect(answers).toEqual([true, false])
  })
})
