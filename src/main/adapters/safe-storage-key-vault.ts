import { safeStorage } from 'electron'
import type { KeyStatus, KeyStorage } from '../../shared/ipc/contract'
import type { KeyVault } from '../api/ports'
import { ApiFailure } from '../api/failure'
import type { KeyValueStore, Logger } from '../../core/ports'
import { silentLogger } from '../../core/ports'
import {
  API_KEY_SECRET,
  assessEncryption,
  decideStorage,
  decodeStored,
  encodeStored,
  maskKey,
  storageOfForm,
  storageUnavailableMessage,
  type EncryptionAssessment,
  type SecretSpec,
  type StoredForm,
} from './key-storage'

export interface KeyVaultDeps {
  /** The key's own store file (`api-key.json` in userData, mode 0600), never the data folder. */
  file: KeyValueStore
  platform?: NodeJS.Platform
  logger?: Logger
  /** What it keeps: the API key (the default) or the team database's password in its own file. */
  secret?: SecretSpec
}

/**
 * The API key (or the team database's password), encrypted with Electron's asynchronous safeStorage API. It lives in
 * main-process memory and its own file; nothing here logs it, and every error message is written without it.
 */
export class SafeStorageKeyVault implements KeyVault {
  private key: string | null = null
  private storage: KeyStorage = 'none'
  private queue: Promise<unknown> = Promise.resolve()
  private readonly platform: NodeJS.Platform
  private readonly logger: Logger
  private readonly secret: SecretSpec

  constructor(private readonly deps: KeyVaultDeps) {
    this.platform = deps.platform ?? process.platform
    this.logger = deps.logger ?? silentLogger
    this.secret = deps.secret ?? API_KEY_SECRET
  }

  current(): string | null {
    return this.key
  }

  /** Reads the stored key at start. An unreadable one is kept on disk (the keyring may come back) but not used. */
  load(): Promise<void> {
    return this.serial(async () => {
      const decoded = decodeStored(this.deps.file.get(this.secret.field))
      if (decoded.form === 'unknown') {
        if (this.deps.file.get(this.secret.field) !== undefined) this.logger.warn(`stored ${this.secret.name} has an unknown format; ignored`)
        return
      }
      const enc = await this.assess()
      let key: string
      let reEncrypt = false
      try {
        if (decoded.form === 'plain') key = decoded.payload.toString('utf8')
        else {
          const out = await safeStorage.decryptStringAsync(decoded.payload)
          key = out.result
          reEncrypt = out.shouldReEncrypt
        }
      } catch (err) {
        this.logger.warn(`stored ${this.secret.name} could not be decrypted`, { form: decoded.form, error: errorName(err) })
        return
      }
      if (!key) return
      this.key = key
      this.storage = storageOfForm(decoded.form)
      // Upgrade a key kept weakly once strong encryption exists, and follow key rotation.
      if ((decoded.form !== 'os' && enc.strong) || (decoded.form === 'os' && reEncrypt)) {
        try {
          await this.persist(key, 'os')
          this.storage = 'encrypted'
        } catch (err) {
          this.logger.warn(`re-encrypting the stored ${this.secret.name} failed`, { error: errorName(err) })
        }
      }
    })
  }

  status(): Promise<KeyStatus> {
    return this.serial(() => this.snapshot())
  }

  set(rawKey: string, requested: Exclude<KeyStorage, 'none'>): Promise<KeyStatus> {
    return this.serial(async () => {
      const key = this.secret.trim ? rawKey.trim() : rawKey
      if (!key.trim()) throw new ApiFailure('VALIDATION', this.secret.texts.empty())
      const enc = await this.assess()
      const decision = decideStorage(requested, enc)
      if (decision.action === 'refuse') throw new ApiFailure('KEY_STORAGE_UNAVAILABLE', storageUnavailableMessage(enc, this.secret), enc.backend ?? 'unavailable')
      if (decision.action === 'session') {
        // Session-only means nothing on disk, including a key saved earlier.
        this.deleteStored()
        this.key = key
        this.storage = 'session'
        return this.snapshot()
      }
      await this.persist(key, decision.form)
      this.key = key
      this.storage = decision.storage
      return this.snapshot()
    })
  }

  clear(): Promise<KeyStatus> {
    return this.serial(async () => {
      this.deleteStored()
      this.key = null
      this.storage = 'none'
      return this.snapshot()
    })
  }

  private async snapshot(): Promise<KeyStatus> {
    const enc = await this.assess()
    return {
      set: this.key !== null,
      // A password is never shown, not even in part: only that one is kept.
      masked: this.key === null || !this.secret.masked ? null : maskKey(this.key),
      storage: this.key === null ? 'none' : this.storage,
      encryptionAvailable: enc.strong,
      backend: enc.backend,
    }
  }

  private async assess(): Promise<EncryptionAssessment> {
    let available = false
    try {
      available = await safeStorage.isAsyncEncryptionAvailable()
    } catch (err) {
      this.logger.warn('safeStorage availability check failed', { error: errorName(err) })
    }
    if (this.platform !== 'linux') return assessEncryption(available, this.platform, null)
    // Linux: only an encryption shows whether a keyring answered (see assessEncryption).
    const prefix = available ? await this.linuxCipherPrefix() : null
    return assessEncryption(available && prefix !== null, this.platform, safeStorage.getSelectedStorageBackend(), prefix)
  }

  private probePrefix: string | null = null

  /** Encrypts a throwaway value once a session (a failure is retried: the keyring may be unlocked later). */
  private async linuxCipherPrefix(): Promise<string | null> {
    if (this.probePrefix !== null) return this.probePrefix
    try {
      const probe = await safeStorage.encryptStringAsync('microent-keyring-probe')
      this.probePrefix = probe.subarray(0, 3).toString('latin1')
      return this.probePrefix
    } catch (err) {
      this.logger.warn('safeStorage probe encryption failed', { error: errorName(err) })
      return null
    }
  }

  /** Encrypts, proves the value decrypts back, then writes: a key that cannot be read back is never kept. */
  private async persist(key: string, form: StoredForm): Promise<void> {
    let payload: Buffer
    if (form === 'plain') payload = Buffer.from(key, 'utf8')
    else {
      try {
        payload = await safeStorage.encryptStringAsync(key)
        const back = await safeStorage.decryptStringAsync(payload)
        if (back.result !== key) throw new Error('round trip mismatch')
      } catch (err) {
        this.logger.warn(`encrypting the ${this.secret.name} failed`, { error: errorName(err) })
        throw new ApiFailure('KEY_STORAGE_UNAVAILABLE', this.secret.texts.encryptFailed(), 'encrypt_failed')
      }
    }
    try {
      this.deps.file.set(this.secret.field, encodeStored(form, payload))
    } catch (err) {
      this.logger.warn(`writing the ${this.secret.name} file failed`, { error: errorName(err) })
      throw new ApiFailure('IO', this.secret.texts.writeFailed(), errorCode(err))
    }
  }

  private deleteStored(): void {
    try {
      this.deps.file.delete(this.secret.field)
    } catch (err) {
      this.logger.warn(`deleting the stored ${this.secret.name} failed`, { error: errorName(err) })
      throw new ApiFailure('IO', this.secret.texts.removeFailed(), errorCode(err))
    }
  }

  /** One operation at a time: a `set` racing the start-up `load` must not resurrect the old key. */
  private serial<T>(op: () => Promise<T>): Promise<T> {
    const next = this.queue.then(op, op)
    this.queue = next.catch(() => undefined)
    return next
  }
}

/** Error names and codes only: a message could quote what failed to parse. */
function errorName(err: unknown): string {
  return err instanceof Error ? err.name : typeof err
}

function errorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : undefined
}
