/**
 * Team mode's settings as the window sees them (issue 17). The database password stays in main: the window learns
 * only whether one is kept, and where.
 */
import type { KeyStorage } from './key-storage'

export type { TeamConnectionReport } from '../domain/team'

/** Whether a password is kept, never the password (not even in part). */
export interface TeamPasswordStatus {
  set: boolean
  storage: KeyStorage
  /** Whether strong OS encryption is available; when false the user chooses session-only or plaintext. */
  encryptionAvailable: boolean
  backend: string | null
}

export interface TeamSettingsView {
  /** The saved database URL, without its password; null: the local store alone. */
  databaseUrl: string | null
  /** The saved desk name; null: the host name. */
  desk: string | null
  /** This computer's host name: the desk's name when none is set. */
  hostName: string
  password: TeamPasswordStatus
  /** What this run uses, read at start; null: the local store alone. */
  running: { databaseUrl: string; desk: string } | null
  /** The saved team settings (or the password) differ from what this run uses: they take effect on restart. */
  restartNeeded: boolean
  /** The host can restart itself (app:restart); otherwise the user closes and opens the app. */
  canRestart: boolean
}

/**
 * A change of the team settings. A URL pasted with its password is taken apart: the password goes to the key store
 * (unless `password` is given too, which wins) and the URL is saved without it. A null URL turns team mode off and
 * forgets the kept password.
 */
export interface TeamSettingsChange {
  databaseUrl: string | null
  desk: string | null
  /** A new password; absent: the kept one stays. */
  password?: string
  /** Where a new password is kept; 'encrypted' unless the user chose otherwise (no strong encryption here). */
  storage?: Exclude<KeyStorage, 'none'>
}

/** What `team:test` connects with: the entered URL (else the saved one) and password (else the URL's, else the kept one). */
export interface TeamTestRequest {
  databaseUrl?: string
  password?: string
  /** The desk name entered, tested for another installation having it; absent or empty: the saved one, else the host name. */
  desk?: string
}

/** The team's caps and price as the window sets them (`team:set-caps`): null removes one; the price is yuan per call. */
export interface TeamCapsChange {
  dailyCap: number | null
  monthlyCap: number | null
  pricePerCall: number | null
}
