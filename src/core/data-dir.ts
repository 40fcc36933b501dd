import { homedir } from 'node:os'
import { isAbsolute, join } from 'node:path'

export const APP_FOLDER = 'microent-desk'

/**
 * Where the app keeps its data: `<appData>/microent-desk/data`, where appData is Electron's `app.getPath('appData')`
 * (the app pins its userData to `<appData>/microent-desk` so the CLI finds the same folder without Electron).
 */
export function appDataRoot(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  if (platform === 'win32') return env.APPDATA?.trim() || join(home, 'AppData', 'Roaming')
  if (platform === 'darwin') return join(home, 'Library', 'Application Support')
  // The XDG spec: an empty or relative XDG_CONFIG_HOME is ignored (never a folder relative to where the CLI runs).
  const xdg = env.XDG_CONFIG_HOME?.trim()
  return xdg && isAbsolute(xdg) ? xdg : join(home, '.config')
}

export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  return join(appDataRoot(platform, env, home), APP_FOLDER, 'data')
}

/** MICROENT_DATA_DIR wins; otherwise the desktop app's own folder, so the CLI and the app see the same lookups. */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.MICROENT_DATA_DIR?.trim()
  return fromEnv ? fromEnv : defaultDataDir(process.platform, env)
}

/** MICROENT_TIME_SCALE multiplies every delay; invalid values fall back to 1. */
export function timeScaleFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const v = Number(env.MICROENT_TIME_SCALE ?? '1')
  return Number.isFinite(v) && v > 0 ? v : 1
}
