import { describe, expect, it } from 'vitest'
import { assessEncryption, decideStorage, decodeStored, encodeStored, maskKey, storageUnavailableMessage } from '../../../../src/main/adapters/key-storage'
import { enOf, zhOf } from '../../../helpers/said'

describe('assessEncryption', () => {
  it.each([
    ['win32', true, null, true],
    ['darwin', true, null, true],
    ['win32', false, null, false],
    ['linux', true, 'gnome_libsecret', true],
    ['linux', true, 'kwallet6', true],
    ['linux', true, 'basic_text', false],
    ['linux', true, 'unknown', false],
    ['linux', true, null, false],
    ['linux', false, 'gnome_libsecret', false],
  ] as const)('%s available=%s backend=%s -> strong=%s', (platform, available, backend, strong) => {
    expect(assessEncryption(available, platform, backend).strong).toBe(strong)
  })

  it('reports the Linux backend only on Linux', () => {
    expect(assessEncryption(true, 'win32', 'basic_text').backend).toBeNull()
    // A keyring backend whose probe came back with the fixed-password prefix is no stronger than basic_text.
    expect(assessEncryption(true, 'linux', 'gnome_libsecret', 'v10').strong).toBe(false)
    expect(assessEncryption(true, 'linux', 'gnome_libsecret', 'v11').strong).toBe(true)
    expect(assessEncryption(true, 'linux', 'basic_text').backend).toBe('basic_text')
  })
})

describe('decideStorage', () => {
  const strong = assessEncryption(true, 'linux', 'kwallet5')
  const weak = assessEncryption(true, 'linux', 'basic_text')
  const none = assessEncryption(false, 'win32', null)

  it('never downgrades a request for encryption', () => {
    expect(decideStorage('encrypted', strong)).toEqual({ action: 'persist', form: 'os', storage: 'encrypted' })
    expect(decideStorage('encrypted', weak)).toEqual({ action: 'refuse' })
    expect(decideStorage('encrypted', none)).toEqual({ action: 'refuse' })
  })

  it('stores without strong encryption only on the explicit plaintext choice, and says so', () => {
    expect(decideStorage('plaintext', weak)).toEqual({ action: 'persist', form: 'weak', storage: 'plaintext' })
    expect(decideStorage('plaintext', none)).toEqual({ action: 'persist', form: 'plain', storage: 'plaintext' })
  })

  it('encrypts anyway when plaintext was chosen but strong encryption exists', () => {
    expect(decideStorage('plaintext', strong)).toEqual({ action: 'persist', form: 'os', storage: 'encrypted' })
  })

  it('keeps session keys in memory whatever is available', () => {
    for (const enc of [strong, weak, none]) expect(decideStorage('session', enc)).toEqual({ action: 'session' })
  })
})

describe('stored value format', () => {
  it('carries a version and form prefix and round-trips', () => {
    const raw = encodeStored('os', Buffer.from([1, 2, 3, 250]))
    expect(raw).toMatch(/^v1:os:[A-Za-z0-9+/=]+$/)
    const back = decodeStored(raw)
    expect(back.form).toBe('os')
    expect(back.form !== 'unknown' && [...back.payload]).toEqual([1, 2, 3, 250])
  })

  it.each([undefined, null, 42, '', 'abc', 'v2:os:AAAA', 'v1:rot13:AAAA', 'v1:os:not base64!'])('treats %j as unknown', (raw) => {
    expect(decodeStored(raw).form).toBe('unknown')
  })
})

describe('maskKey', () => {
  it('shows at most the first and last four characters of a Juhe key', () => {
    expect(maskKey('ab12cdef0123456789abcdef0123cd34')).toBe('ab12••••••••cd34')
  })
  it('shows less of shorter keys and nothing of very short ones', () => {
    expect(maskKey('abcdefghijkl')).toBe('ab••••••••kl')
    expect(maskKey('abcdefgh')).toBe('••••••••')
  })
  it('never contains the middle of the key', () => {
    const key = 'ab12cdef0123456789abcdef0123cd34'
    expect(maskKey(key)).not.toContain(key.slice(4, -4))
  })
})

describe('storageUnavailableMessage', () => {
  it('names the weak backend and both choices, in Chinese and English', () => {
    const m = { text: storageUnavailableMessage(assessEncryption(true, 'linux', 'basic_text')) }
    expect(zhOf(m)).toContain('basic_text')
    expect(zhOf(m)).toContain('仅在本次运行中')
    expect(zhOf(m)).toContain('明文')
    expect(enOf(m)).toContain('basic_text')
    expect(enOf(m)).toContain('session only')
  })

  it('says plainly when there is no encryption at all', () => {
    const m = { text: storageUnavailableMessage(assessEncryption(false, 'win32', null)) }
    expect(zhOf(m)).toBe('本机无法加密保存密钥。请选择：仅在本次运行中使用密钥，或在知情同意后以明文保存。')
    expect(enOf(m)).toBe('This computer cannot encrypt the key. Choose: keep it for this session only, or store it unencrypted with your consent.')
  })
})
