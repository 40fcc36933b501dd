import type { AppInfo, AppSettings, EventChannel, EventMap, KeyStatus, KeyStorage } from '../../shared/ipc/contract'

/**
 * What the app API needs from its host. The Electron app implements these with safeStorage, electron-store, native
 * dialogs and the shell; the browser test host with test doubles that record what they were asked.
 */

/** The API key: kept by the host, never sent to the renderer. */
export interface KeyVault {
  /** The key for API calls, or null. Synchronous: the client asks for it on every call. */
  current(): string | null
  status(): Promise<KeyStatus>
  set(key: string, storage: Exclude<KeyStorage, 'none'>): Promise<KeyStatus>
  clear(): Promise<KeyStatus>
}

export interface SettingsPort {
  get(): AppSettings
  /** Validated by the caller; returns the settings after the change. */
  set(patch: Partial<AppSettings>): AppSettings
}

export interface DialogsPort {
  /** Asks for a keyword file; the path never reaches the renderer. null when cancelled. */
  openImportFile(): Promise<string | null>
  /** Asks where to save; null when cancelled. Remembers the last folder. */
  saveExportFile(defaultName: string, format: 'xlsx' | 'csv' | 'zip'): Promise<string | null>
}

export interface ShellPort {
  openDataFolder(): Promise<void>
  /** Opens the folder of a file the app wrote, with the file selected. */
  showItemInFolder(path: string): Promise<void>
}

export interface EventPort {
  send<E extends EventChannel>(channel: E, payload: EventMap[E]): void
}

export interface AppInfoPort {
  info(): AppInfo
}

/** App-level actions only a real desktop app can take (the test host records or refuses them). */
export interface AppControlPort {
  /** Restarts in (or out of) demo mode. */
  setDemo(on: boolean): Promise<void>
  /** Restarts as it is (team settings take effect on restart); absent where the host cannot restart itself. */
  restart?(): Promise<void>
}
