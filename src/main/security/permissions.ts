import type { Session } from 'electron'
import type { Logger } from '../../core/ports'

/**
 * The app needs no browser permission (camera, notifications from the page, geolocation, clipboard read, HID, ...),
 * so every request and every check is refused, and the page cannot start downloads: exports go through main.
 */
export function denyAllPermissions(session: Session, logger: Logger): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    logger.warn('permission request denied', { permission })
    callback(false)
  })
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
  session.on('will-download', (event) => {
    event.preventDefault()
    logger.warn('download blocked')
  })
}
