import { shell } from 'electron'
import type { ShellPort } from '../api/ports'
import { ApiFailure } from '../api/failure'
import { isSafeExternalUrl } from '../security/external-url'

export function createElectronShell(dataDir: string): ShellPort {
  return {
    async openDataFolder() {
      const error = await shell.openPath(dataDir)
      if (error) throw new ApiFailure('IO', '无法打开数据文件夹 / The data folder could not be opened', error.slice(0, 200))
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
