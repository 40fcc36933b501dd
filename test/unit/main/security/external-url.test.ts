import { describe, expect, it } from 'vitest'
import { isSafeExternalUrl } from '../../../../src/main/security/external-url'

describe('isSafeExternalUrl', () => {
  it.each([
    ['https://www.juhe.cn/docs/api/id/1', true],
    ['https://example.com', true],
    ['http://www.juhe.cn/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['microent://app/index.html', false],
    ['smb://server/share', false],
    ['https://user:pw@example.com/', false],
    ['https://localhost/', false],
    ['https://intranet/', false],
    ['https://printer.local/', false],
    ['https://127.0.0.1/', false],
    ['https://[::1]/', false],
    ['https://10.0.0.8/admin', false],
    ['not a url', false],
    [`https://example.com/${'a'.repeat(3000)}`, false],
  ])('%s -> %s', (url, safe) => {
    expect(isSafeExternalUrl(url)).toBe(safe)
  })
})
