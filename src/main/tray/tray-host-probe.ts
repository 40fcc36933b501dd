import { execFile } from 'node:child_process'

/**
 * Whether a tray icon will be seen at all. On Linux `new Tray()` never throws: Electron registers a
 * StatusNotifierItem, and where no StatusNotifierWatcher owns its D-Bus name (stock GNOME without the AppIndicator
 * extension) nothing appears. A window hidden to such a tray has no way back, so the app asks the session bus
 * whether a watcher exists before it ever hides the window there. Windows and macOS always have a tray.
 */

export type TrayHostVerdict = 'present' | 'absent' | 'unknown'

/** Runs a command and resolves with its stdout, or null when it fails or is missing. */
export type RunCommand = (file: string, args: readonly string[], timeoutMs: number) => Promise<string | null>

export const SNI_WATCHER = 'org.kde.StatusNotifierWatcher'
const TIMEOUT_MS = 1_500

const runCommand: RunCommand = (file, args, timeoutMs) =>
  new Promise((resolve) => {
    execFile(file, [...args], { timeout: timeoutMs, windowsHide: true }, (err, stdout) => resolve(err ? null : String(stdout)))
  })

/** Two stock clients of the session bus: gdbus (GLib) and dbus-send (D-Bus itself); either answers the question. */
const QUERIES: readonly { file: string; args: readonly string[]; parse: (out: string) => boolean | null }[] = [
  {
    file: 'gdbus',
    args: ['call', '--session', '--dest', 'org.freedesktop.DBus', '--object-path', '/org/freedesktop/DBus', '--method', 'org.freedesktop.DBus.NameHasOwner', SNI_WATCHER],
    parse: (out) => (/\(true,?\)/.test(out) ? true : /\(false,?\)/.test(out) ? false : null),
  },
  {
    file: 'dbus-send',
    args: ['--session', '--print-reply', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.NameHasOwner', `string:${SNI_WATCHER}`],
    parse: (out) => (/boolean true/.test(out) ? true : /boolean false/.test(out) ? false : null),
  },
]

export async function probeTrayHost(platform: NodeJS.Platform, run: RunCommand = runCommand): Promise<TrayHostVerdict> {
  if (platform !== 'linux') return 'present'
  for (const q of QUERIES) {
    const out = await run(q.file, q.args, TIMEOUT_MS)
    if (out === null) continue
    const owned = q.parse(out)
    if (owned !== null) return owned ? 'present' : 'absent'
  }
  return 'unknown'
}

/** Only a tray known to be shown may hold a hidden window: "unknown" counts as absent. */
export function trayIsVisible(verdict: TrayHostVerdict): boolean {
  return verdict === 'present'
}
