import type { KeyStatus, KeyStorage } from '../shared/ipc/contract'
import { ApiFailure } from '../main/api/failure'
import { msg } from '../shared/messages'
import type { AppControlPort, DialogsPort, KeyVault, ShellPort } from '../main/api/ports'

/**
 * Test doubles for the parts only Electron has (safeStorage, native dialogs, the OS shell). They remember what they
 * were asked so end-to-end tests can assert on it; none of them touches the real desktop.
 */

export interface DialogCall {
  kind: 'open' | 'save'
  defaultName?: string
  format?: 'xlsx' | 'csv' | 'zip'
  /** What the double answered (null: the user "cancelled"). */
  answered: string | null
}

export interface Recorded {
  dialogs: DialogCall[]
  shell: ({ action: 'openDataFolder' } | { action: 'showItemInFolder'; path: string })[]
  keyVault: { action: 'set' | 'clear'; storage?: Exclude<KeyStorage, 'none'> }[]
  /** Each restart into (true) or out of (false) demo mode the page asked for. */
  demo: boolean[]
  /** The team database password's vault (issue 17), recorded apart from the API key's. */
  teamPassword: { action: 'set' | 'clear'; storage?: Exclude<KeyStorage, 'none'> }[]
  /** Restarts the page asked for (app:restart). */
  restarts: number
}

export function newRecorded(): Recorded {
  return { dialogs: [], shell: [], keyVault: [], demo: [], teamPassword: [], restarts: 0 }
}

/** Shows the first and last four characters only, like the desktop vault. */
export function maskKey(key: string): string {
  if (key.length <= 8) return '••••••••'
  return `${key.slice(0, 4)}${'•'.repeat(8)}${key.slice(-4)}`
}

/**
 * The key in memory only; reports strong encryption as available so the UI takes its normal path. Locked (demo
 * mode), it refuses to set or clear the key like the desktop app's demo vault.
 */
export class MemoryKeyVault implements KeyVault {
  private key: string | null
  private storage: Exclude<KeyStorage, 'none'> = 'encrypted'

  constructor(
    private readonly recorded: Recorded,
    initial: string | null = null,
    private readonly locked = false,
    /** Which of the recorded lists its changes go to: the API key's, or the team password's. */
    private readonly log: 'keyVault' | 'teamPassword' = 'keyVault',
  ) {
    this.key = initial
  }

  private refuseIfLocked(): void {
    if (this.locked) throw new ApiFailure('NOT_ALLOWED', msg('desktop.demoKeyFixed'))
  }

  current(): string | null {
    return this.key
  }

  async status(): Promise<KeyStatus> {
    return {
      set: this.key !== null,
      masked: this.key === null ? null : maskKey(this.key),
      storage: this.key === null ? 'none' : this.storage,
      encryptionAvailable: true,
      backend: 'memory (web test host)',
    }
  }

  async set(key: string, storage: Exclude<KeyStorage, 'none'>): Promise<KeyStatus> {
    this.refuseIfLocked()
    this.recorded[this.log].push({ action: 'set', storage })
    // A password is kept as typed; a key is trimmed as the desktop vault trims it.
    this.key = this.log === 'keyVault' ? key.trim() : key
    this.storage = storage
    return this.status()
  }

  async clear(): Promise<KeyStatus> {
    this.refuseIfLocked()
    this.recorded[this.log].push({ action: 'clear' })
    this.key = null
    return this.status()
  }
}

/** Native file dialogs replaced by queues of answers the test sets up beforehand; an empty queue means "cancelled". */
export class QueuedDialogs implements DialogsPort {
  readonly openQueue: (string | null)[] = []
  readonly saveQueue: (string | null)[] = []

  constructor(private readonly recorded: Recorded) {}

  async openImportFile(): Promise<string | null> {
    const answered = this.openQueue.shift() ?? null
    this.recorded.dialogs.push({ kind: 'open', answered })
    return answered
  }

  async saveExportFile(defaultName: string, format: 'xlsx' | 'csv' | 'zip'): Promise<string | null> {
    const answered = this.saveQueue.shift() ?? null
    this.recorded.dialogs.push({ kind: 'save', defaultName, format, answered })
    return answered
  }
}

export class RecordingShell implements ShellPort {
  constructor(private readonly recorded: Recorded) {}

  async openDataFolder(): Promise<void> {
    this.recorded.shell.push({ action: 'openDataFolder' })
  }

  async showItemInFolder(path: string): Promise<void> {
    this.recorded.shell.push({ action: 'showItemInFolder', path })
  }
}

/** Restarting (in or out of demo mode, or for team settings) is the desktop app's to do: the host records the request and stays as it is. */
export class RecordingControl implements AppControlPort {
  constructor(private readonly recorded: Recorded) {}

  async setDemo(on: boolean): Promise<void> {
    this.recorded.demo.push(on)
  }

  async restart(): Promise<void> {
    this.recorded.restarts++
  }
}
