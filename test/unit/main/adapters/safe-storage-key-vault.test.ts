import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiFailure } from '../../../../src/main/api/failure'
import { MemoryStore } from '../../../../src/core/store/memory-store'
import { SafeStorageKeyVault } from '../../../../src/main/adapters/safe-storage-key-vault'
import { TEAM_PASSWORD_SECRET } from '../../../../src/main/adapters/key-storage'
import { fake } from '../fake-electron'
import { enOf, zhOf } from '../../../helpers/said'

vi.mock('electron', async () => {
  const { fake } = await import('../fake-electron')
  return { default: fake, ...fake }
})

const KEY = '0123456789abcdef0123456789abcdef'

function logs() {
  const lines: string[] = []
  const rec = (level: string) => (msg: string, data?: Record<string, unknown>) => lines.push(`${level} ${msg} ${JSON.stringify(data ?? {})}`)
  return { lines, logger: { info: rec('info'), warn: rec('warn'), error: rec('error') } }
}

function vault(file = new MemoryStore(), platform: NodeJS.Platform = 'linux') {
  const log = logs()
  return { v: new SafeStorageKeyVault({ file, platform, logger: log.logger }), file, log }
}

async function failureOf(p: Promise<unknown>): Promise<ApiFailure> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(ApiFailure)
  return err as ApiFailure
}

beforeEach(() => fake.control.reset())

describe('SafeStorageKeyVault', () => {
  it('encrypts with the async API, stores a versioned value, and reads it back on the next start', async () => {
    const { v, file } = vault()
    const status = await v.set(KEY, 'encrypted')
    expect(status).toEqual({ set: true, masked: '0123••••••••cdef', storage: 'encrypted', encryptionAvailable: true, backend: 'gnome_libsecret' })
    const raw = file.get<string>('apiKey') as string
    expect(raw).toMatch(/^v1:os:/)
    expect(raw).not.toContain(KEY)
    expect(Buffer.from(raw.slice('v1:os:'.length), 'base64').toString()).not.toContain(KEY)

    const again = vault(file).v
    expect(again.current()).toBeNull()
    await again.load()
    expect(again.current()).toBe(KEY)
    expect((await again.status()).storage).toBe('encrypted')
    expect(fake.safeStorage.syncCalls).toBe(0)
  })

  it.each([
    ['no encryption at all', 'win32', false, 'gnome_libsecret'],
    ['the basic_text backend', 'linux', true, 'basic_text'],
    ['the unknown backend', 'linux', true, 'unknown'],
  ] as const)('refuses "encrypted" with %s, stores nothing, and says so plainly', async (_name, platform, available, backend) => {
    fake.safeStorage.available = available
    fake.safeStorage.backend = backend
    const { v, file } = vault(new MemoryStore(), platform)
    const err = await failureOf(v.set(KEY, 'encrypted'))
    expect(err.code).toBe('KEY_STORAGE_UNAVAILABLE')
    expect(zhOf(err)).toContain('仅在本次运行中')
    expect(enOf(err)).toContain('session only')
    expect(JSON.stringify(err.text) + err.message).not.toContain(KEY)
    expect(file.all()).toEqual({})
    expect(v.current()).toBeNull()
    expect(await v.status()).toMatchObject({ set: false, storage: 'none', encryptionAvailable: false })
  })

  it('judges a Linux keyring by the ciphertext: gnome_libsecret named but v10 (fixed password) is not strong', async () => {
    // The backend name follows XDG_CURRENT_DESKTOP, and the availability check answers true with the fallback too.
    fake.safeStorage.backend = 'gnome_libsecret'
    fake.safeStorage.prefix = 'v10'
    const { v, file } = vault()
    expect(await v.status()).toMatchObject({ encryptionAvailable: false, backend: 'gnome_libsecret' })
    expect((await failureOf(v.set(KEY, 'encrypted'))).code).toBe('KEY_STORAGE_UNAVAILABLE')
    expect(file.all()).toEqual({})
    expect((await v.set(KEY, 'plaintext')).storage).toBe('plaintext')
    expect(file.get<string>('apiKey')).toMatch(/^v1:weak:/)
  })

  it('calls a Linux keyring strong once a probe comes back v11, probing once a session', async () => {
    fake.safeStorage.prefix = 'v11'
    const { v, file } = vault()
    expect((await v.set(KEY, 'encrypted')).storage).toBe('encrypted')
    expect(file.get<string>('apiKey')).toMatch(/^v1:os:/)
    const before = fake.safeStorage.asyncCalls
    await v.status()
    await v.status()
    // Two availability checks, no new probe encryption.
    expect(fake.safeStorage.asyncCalls - before).toBe(2)
  })

  it('treats a Linux keyring whose probe encryption fails as unavailable', async () => {
    fake.safeStorage.failEncrypt = true
    const { v } = vault()
    expect(await v.status()).toMatchObject({ encryptionAvailable: false })
  })

  it('keeps a session-only key in memory and removes any key saved before', async () => {
    const { v, file } = vault()
    await v.set('k'.repeat(32), 'encrypted')
    fake.safeStorage.backend = 'basic_text'
    const status = await v.set(KEY, 'session')
    expect(status).toMatchObject({ set: true, storage: 'session', encryptionAvailable: false })
    expect(v.current()).toBe(KEY)
    expect(file.get('apiKey')).toBeUndefined()
    const next = vault(file).v
    await next.load()
    expect(next.current()).toBeNull()
  })

  it('stores with the weak backend only after the plaintext choice, reported as plaintext', async () => {
    fake.safeStorage.backend = 'basic_text'
    const { v, file } = vault()
    expect((await v.set(KEY, 'plaintext')).storage).toBe('plaintext')
    expect(file.get<string>('apiKey')).toMatch(/^v1:weak:/)
    const next = vault(file).v
    await next.load()
    expect(next.current()).toBe(KEY)
    expect((await next.status()).storage).toBe('plaintext')
  })

  it('stores plain text when encryption is unavailable and the user consented', async () => {
    fake.safeStorage.available = false
    const { v, file } = vault(new MemoryStore(), 'win32')
    expect((await v.set(KEY, 'plaintext')).storage).toBe('plaintext')
    expect(file.get<string>('apiKey')).toMatch(/^v1:plain:/)
  })

  it('upgrades a plaintext key to encrypted once strong encryption is available', async () => {
    fake.safeStorage.available = false
    const { v, file } = vault(new MemoryStore(), 'win32')
    await v.set(KEY, 'plaintext')
    fake.safeStorage.available = true
    const next = vault(file, 'win32').v
    await next.load()
    expect(next.current()).toBe(KEY)
    expect((await next.status()).storage).toBe('encrypted')
    expect(file.get<string>('apiKey')).toMatch(/^v1:os:/)
  })

  it('re-encrypts when the OS says the key was rotated', async () => {
    const { v, file } = vault()
    await v.set(KEY, 'encrypted')
    const before = file.get<string>('apiKey')
    fake.safeStorage.shouldReEncrypt = true
    const spy = vi.spyOn(fake.safeStorage, 'encryptStringAsync')
    const next = vault(file).v
    await next.load()
    // Once for the key (the other call on Linux is the session's keyring probe).
    expect(spy.mock.calls.filter(([plain]) => plain === KEY)).toHaveLength(1)
    expect(file.get<string>('apiKey')).toBe(before) // the fake encrypts deterministically
    expect(next.current()).toBe(KEY)
  })

  it('keeps an undecryptable value on disk, does not use it, and logs no secret', async () => {
    const file = new MemoryStore()
    file.set('apiKey', `v1:os:${Buffer.from('garbage').toString('base64')}`)
    const { v, log } = vault(file)
    await v.load()
    expect(v.current()).toBeNull()
    expect(file.get('apiKey')).toBeDefined()
    expect(log.lines.join('\n')).toMatch(/could not be decrypted/)
  })

  it('ignores a value of unknown format', async () => {
    const file = new MemoryStore()
    file.set('apiKey', KEY)
    const { v, log } = vault(file)
    await v.load()
    expect(v.current()).toBeNull()
    expect(log.lines.join('\n')).not.toContain(KEY)
  })

  it('clears the key from memory and disk', async () => {
    const { v, file } = vault()
    await v.set(KEY, 'encrypted')
    expect(await v.clear()).toMatchObject({ set: false, masked: null, storage: 'none' })
    expect(v.current()).toBeNull()
    expect(file.get('apiKey')).toBeUndefined()
  })

  it('does not keep a key whose encryption fails, and reports it without the key', async () => {
    fake.safeStorage.failEncrypt = true
    const { v, file, log } = vault()
    const err = await failureOf(v.set(KEY, 'encrypted'))
    expect(err.code).toBe('KEY_STORAGE_UNAVAILABLE')
    expect(file.all()).toEqual({})
    expect(v.current()).toBeNull()
    expect(log.lines.join('\n')).not.toContain(KEY)
  })

  it('reports a file that cannot be written as IO and keeps the old state', async () => {
    const file = new MemoryStore()
    file.set = () => {
      throw Object.assign(new Error(`EACCES writing ${KEY}`), { code: 'EACCES' })
    }
    const { v, log } = vault(file)
    const err = await failureOf(v.set(KEY, 'encrypted'))
    expect(err).toMatchObject({ code: 'IO', detail: 'EACCES' })
    expect(zhOf(err)).toBe('无法写入密钥文件')
    expect(JSON.stringify(err.text) + err.message).not.toContain(KEY)
    expect(v.current()).toBeNull()
    expect(log.lines.join('\n')).not.toContain(KEY)
  })

  it('rejects an empty key', async () => {
    const { v } = vault()
    expect((await failureOf(v.set('   ', 'session'))).code).toBe('VALIDATION')
  })

  it('runs operations one at a time: a set during start-up wins over the stored key', async () => {
    const { v: first, file } = vault()
    await first.set('old-key-old-key-old-key-old-key!', 'encrypted')
    const { v } = vault(file)
    const loading = v.load()
    const setting = v.set(KEY, 'encrypted')
    await Promise.all([loading, setting])
    expect(v.current()).toBe(KEY)
  })
})

describe('SafeStorageKeyVault keeping the team database password (issue 17)', () => {
  const PASSWORD = ' s3cret pass '
  const passwordVault = (file = new MemoryStore(), platform: NodeJS.Platform = 'linux') => {
    const log = logs()
    return { v: new SafeStorageKeyVault({ file, platform, logger: log.logger, secret: TEAM_PASSWORD_SECRET }), file, log }
  }

  it('encrypts it under its own field, keeps it exactly as typed, and its status shows none of it', async () => {
    const { v, file } = passwordVault()
    const status = await v.set(PASSWORD, 'encrypted')
    expect(status).toEqual({ set: true, masked: null, storage: 'encrypted', encryptionAvailable: true, backend: 'gnome_libsecret' })
    expect(Object.keys(file.all())).toEqual(['teamPassword'])
    expect(file.get<string>('teamPassword')).toMatch(/^v1:os:/)
    expect(JSON.stringify(file.all())).not.toContain('s3cret')
    const again = passwordVault(file).v
    await again.load()
    expect(again.current()).toBe(PASSWORD)
  })

  it('refuses "encrypted" without strong encryption, said about the password, not the key', async () => {
    fake.safeStorage.backend = 'basic_text'
    const { v, file } = passwordVault()
    const err = await failureOf(v.set(PASSWORD, 'encrypted'))
    expect(err.code).toBe('KEY_STORAGE_UNAVAILABLE')
    expect(zhOf(err)).toContain('数据库密码')
    expect(enOf(err)).toContain('database password')
    expect(file.all()).toEqual({})
    expect((await v.set(PASSWORD, 'plaintext')).storage).toBe('plaintext')
    expect(file.get<string>('teamPassword')).toMatch(/^v1:weak:/)
  })

  it('an empty password is refused in its own words, and nothing is logged with it', async () => {
    const { v, log } = passwordVault()
    const err = await failureOf(v.set('  ', 'session'))
    expect(err.code).toBe('VALIDATION')
    expect(enOf(err)).toBe('The database password is empty')
    await v.set(PASSWORD, 'encrypted')
    expect(log.lines.join('\n')).not.toContain('s3cret')
  })
})
