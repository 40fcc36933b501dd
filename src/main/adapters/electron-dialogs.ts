import { dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron'
import { dirname, extname, join } from 'node:path'
import type { DialogsPort } from '../api/ports'
import type { KeyValueStore } from '../../core/ports'
import { render, type MessageCode } from '../../shared/messages'

export interface DialogDeps {
  window: () => BrowserWindow | null
  /** Remembers the last folders between runs (ui-state.json in userData). */
  uiState: KeyValueStore
  documentsDir: string
  language: () => 'zh-CN' | 'en'
}

const IMPORT_DIR = 'lastImportDir'
const EXPORT_DIR = 'lastExportDir'

const FILTER: Record<'xlsx' | 'csv' | 'zip', MessageCode> = { xlsx: 'desktop.xlsxFilter', csv: 'desktop.csvFilter', zip: 'desktop.backupFilter' }

/** Native open/save dialogs, modal to the main window. Paths stay in main: the renderer only sees file names. */
export function createElectronDialogs(deps: DialogDeps): DialogsPort {
  const folder = (key: string): string => {
    const v = deps.uiState.get<string>(key)
    return typeof v === 'string' && v ? v : deps.documentsDir
  }
  const remember = (key: string, file: string): void => {
    try {
      deps.uiState.set(key, dirname(file))
    } catch {
      // Remembering the folder is a convenience; failing to must not fail the import or export.
    }
  }
  const parent = (): BrowserWindow | undefined => {
    const w = deps.window()
    return w && !w.isDestroyed() ? w : undefined
  }

  return {
    async openImportFile() {
      const say = (code: MessageCode) => render({ code }, deps.language())
      const options: OpenDialogOptions = {
        title: say('desktop.importTitle'),
        defaultPath: folder(IMPORT_DIR),
        properties: ['openFile'],
        filters: [{ name: say('desktop.importFilter'), extensions: ['xlsx', 'xls', 'csv', 'txt'] }],
      }
      const w = parent()
      const res = w ? await dialog.showOpenDialog(w, options) : await dialog.showOpenDialog(options)
      const file = res.canceled ? undefined : res.filePaths[0]
      if (!file) return null
      remember(IMPORT_DIR, file)
      return file
    },
    async saveExportFile(defaultName, format) {
      const say = (code: MessageCode) => render({ code }, deps.language())
      const options: SaveDialogOptions = {
        title: say('desktop.exportTitle'),
        defaultPath: join(folder(EXPORT_DIR), defaultName),
        filters: [{ name: say(FILTER[format]), extensions: [format] }],
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      }
      const w = parent()
      const res = w ? await dialog.showSaveDialog(w, options) : await dialog.showSaveDialog(options)
      if (res.canceled || !res.filePath) return null
      // Linux dialogs do not add the extension the filter implies.
      const file = extname(res.filePath).toLowerCase() === `.${format}` ? res.filePath : `${res.filePath}.${format}`
      remember(EXPORT_DIR, file)
      return file
    },
  }
}
