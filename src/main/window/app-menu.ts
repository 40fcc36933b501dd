import { Menu, type MenuItemConstructorOptions } from 'electron'

/**
 * Packaged builds get a menu without reload or developer tools. macOS keeps the app, edit and window menus (copy
 * and paste shortcuts live there); Windows and Linux need no menu bar at all. Development keeps Electron's default.
 */
export function installAppMenu(platform: NodeJS.Platform, isPackaged: boolean): void {
  if (!isPackaged) return
  if (platform !== 'darwin') {
    Menu.setApplicationMenu(null)
    return
  }
  const template: MenuItemConstructorOptions[] = [{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
