/**
 * A settings change from the window or `microent config set`: validated as a whole (SettingsValidationError names
 * what is wrong, and nothing is saved), then the engine takes the new rate and caps at once.
 */
import type { AppSettings } from '../../shared/ipc/contract'
import type { EngineControl } from '../services'

export interface SettingsWriter {
  set(patch: Partial<AppSettings>): AppSettings
}

export function updateSettings(deps: { settings: SettingsWriter; engine: Pick<EngineControl, 'kick'> }, patch: Partial<AppSettings>): AppSettings {
  const next = deps.settings.set(patch)
  deps.engine.kick()
  return next
}
