import type { KeyStorage } from '../../shared/ipc/contract'
import { msg, type Message } from '../../shared/messages'

/**
 * Pure decisions about where the API key may live. The vault (safe-storage-key-vault.ts) only carries them out.
 */

/** Linux falls back to these when no keyring answers; `basic_text` encrypts with a constant built into Chromium. */
const WEAK_LINUX_BACKENDS = new Set(['basic_text', 'unknown'])

export interface EncryptionAssessment {
  /** Strong, OS-backed encryption: the only kind we call "encrypted". */
  strong: boolean
  /** safeStorage answers at all (possibly with a weak backend). */
  available: boolean
  /** The Linux backend, for the message to the user; null elsewhere. */
  backend: string | null
}

/**
 * On Linux neither the backend's name nor the availability check says whether a keyring answered:
 * `getSelectedStorageBackend()` names the backend chosen for the desktop environment (GNOME -> gnome_libsecret even
 * with no keyring running), and after `ready` the async check resolves true with the fixed-password fallback too.
 * The ciphertext says it: Chromium prefixes Linux ciphertexts with `v10` when it encrypted with its built-in fixed
 * password and `v11` when the key came from the keyring. `linuxPrefix` is the first three bytes of a probe
 * encryption (null when none could be made).
 */
export function assessEncryption(available: boolean, platform: NodeJS.Platform, backend: string | null, linuxPrefix: string | null = null): EncryptionAssessment {
  const linuxBackend = platform === 'linux' ? (backend ?? 'unknown') : null
  const fixedPassword = linuxBackend !== null && linuxPrefix === FIXED_PASSWORD_PREFIX
  const weak = linuxBackend !== null && (WEAK_LINUX_BACKENDS.has(linuxBackend) || fixedPassword)
  return { strong: available && !weak, available, backend: linuxBackend }
}

export const FIXED_PASSWORD_PREFIX = 'v10'

/** How a key is written: `os` strong encryption, `weak` safeStorage on a constant key, `plain` no encryption. */
export type StoredForm = 'os' | 'weak' | 'plain'

export type StorageDecision =
  | { action: 'persist'; form: StoredForm; storage: Exclude<KeyStorage, 'none' | 'session'> }
  | { action: 'session' }
  | { action: 'refuse' }

/**
 * `encrypted` is refused unless strong encryption exists: never a silent downgrade. `plaintext` is the user's
 * explicit consent; when strong encryption is there after all, the key is encrypted anyway (an upgrade costs the
 * user nothing). Weak safeStorage still beats bare text against a casual look, but is reported as plaintext.
 */
export function decideStorage(requested: Exclude<KeyStorage, 'none'>, enc: EncryptionAssessment): StorageDecision {
  if (requested === 'session') return { action: 'session' }
  if (enc.strong) return { action: 'persist', form: 'os', storage: 'encrypted' }
  if (requested === 'encrypted') return { action: 'refuse' }
  return { action: 'persist', form: enc.available ? 'weak' : 'plain', storage: 'plaintext' }
}

/** The stored value carries a version and its form, so a later format or a re-encryption can tell them apart. */
const PREFIX = 'v1'

export function encodeStored(form: StoredForm, payload: Buffer): string {
  return `${PREFIX}:${form}:${payload.toString('base64')}`
}

export type DecodedStored = { form: StoredForm; payload: Buffer } | { form: 'unknown' }

export function decodeStored(raw: unknown): DecodedStored {
  if (typeof raw !== 'string') return { form: 'unknown' }
  const m = /^v1:(os|weak|plain):([A-Za-z0-9+/]*={0,2})$/.exec(raw)
  if (!m) return { form: 'unknown' }
  return { form: m[1] as StoredForm, payload: Buffer.from(m[2] as string, 'base64') }
}

export function storageOfForm(form: StoredForm): Exclude<KeyStorage, 'none' | 'session'> {
  return form === 'os' ? 'encrypted' : 'plaintext'
}

const BULLETS = '••••••••'

/** Enough to recognise which key is set, never enough to use it: at most 8 characters of a 32-character key. */
export function maskKey(key: string): string {
  if (key.length >= 16) return `${key.slice(0, 4)}${BULLETS}${key.slice(-4)}`
  if (key.length >= 10) return `${key.slice(0, 2)}${BULLETS}${key.slice(-2)}`
  return BULLETS
}

/**
 * What a vault keeps: the API key, or the team database's password (issue 17), each in its own file under the same
 * rules, and each refusal said about the secret it concerns.
 */
export interface SecretSpec {
  /** The field in its store file. */
  field: string
  /** How the log names it (never its value). */
  name: string
  /** Keys are pasted and trimmed; a password is kept exactly as typed (a space may belong to it). */
  trim: boolean
  /** Whether its status may show a few characters of it (a key, to tell which one); a password shows none. */
  masked: boolean
  texts: {
    empty: () => Message
    cannotEncrypt: () => Message
    weakEncryption: (backend: string) => Message
    encryptFailed: () => Message
    writeFailed: () => Message
    removeFailed: () => Message
  }
}

export const API_KEY_SECRET: SecretSpec = {
  field: 'apiKey',
  name: 'API key',
  trim: true,
  masked: true,
  texts: {
    empty: () => msg('desktop.keyEmpty'),
    cannotEncrypt: () => msg('desktop.keyCannotEncrypt'),
    weakEncryption: (backend) => msg('desktop.keyWeakEncryption', { backend }),
    encryptFailed: () => msg('desktop.keyEncryptFailed'),
    writeFailed: () => msg('desktop.keyWriteFailed'),
    removeFailed: () => msg('desktop.keyRemoveFailed'),
  },
}

export const TEAM_PASSWORD_SECRET: SecretSpec = {
  field: 'teamPassword',
  name: 'team database password',
  trim: false,
  masked: false,
  texts: {
    empty: () => msg('team.passwordEmpty'),
    cannotEncrypt: () => msg('team.passwordCannotEncrypt'),
    weakEncryption: (backend) => msg('team.passwordWeakEncryption', { backend }),
    encryptFailed: () => msg('team.passwordEncryptFailed'),
    writeFailed: () => msg('team.passwordWriteFailed'),
    removeFailed: () => msg('team.passwordRemoveFailed'),
  },
}

/** Told plainly when the secret cannot be stored encrypted; the user then picks session-only or plaintext. */
export function storageUnavailableMessage(enc: EncryptionAssessment, secret: SecretSpec = API_KEY_SECRET): Message {
  if (!enc.available) return secret.texts.cannotEncrypt()
  return secret.texts.weakEncryption(enc.backend ?? 'unknown')
}
