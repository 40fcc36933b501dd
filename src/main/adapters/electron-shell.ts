import { shell } from 'electron'
import type { ShellPort } from '../api/ports'
import { ApiFailure } from '../api/failure'
import { msg } from '../../shared/messages'
import { isSafeExternalUrl } from '../security/external-url'

export function createElectronShell(dataDir: string): ShellPort {
  return {
    async openDataFolder() {
      // The OS's reason is English-only text of its own: the window says ours (in its language) instead.
      const error = await shell.openPath(dataDir)
      if (error) throw new ApiFailure('IO', msg('desktop.dataFolderUnopened'))
    },
    async showItemInFolder(path) {
      shell.showItemInFolder(path)
    },
  }
}

/** The only way a link leaves the app: checked first, then handed to the default browser. */
export function openExternalChecked(url: string): boolean {
  if (!isSafeExternalUrl(url)) return false
  void shell.openExternal(url).catch(() => undefined)
  return true
}
