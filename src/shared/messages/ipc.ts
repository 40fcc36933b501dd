/**
 * Why a call from the window failed (the IPC envelope's `text`): said by main, the preload, the web host's page
 * script and the renderer's own IPC client. The window shows it in its language under the code's own title.
 */
import { entry } from './define'

export const ipcMessages = {
  'ipc.unknownChannel': entry({
    example: {},
    'zh-CN': () => '未知通道',
    en: () => 'Unknown channel',
  }),
  'ipc.payloadTooLarge': entry({
    example: {},
    'zh-CN': () => '请求数据过大',
    en: () => 'Payload too large',
  }),
  'ipc.invalidRequest': entry({
    example: {},
    'zh-CN': () => '请求参数无效',
    en: () => 'Invalid request',
  }),
  'ipc.internal': entry({
    example: {},
    'zh-CN': () => '内部错误，请重试',
    en: () => 'Internal error, please retry',
  }),
  'ipc.untrustedSender': entry({
    example: {},
    'zh-CN': () => '请求来源不受信任',
    en: () => 'Request from an untrusted sender',
  }),
  'ipc.connectionLost': entry({
    example: {},
    'zh-CN': () => '与本地服务的连接已断开',
    en: () => 'The connection to the local host was lost',
  }),
  'ipc.noWindowApi': entry({
    example: {},
    'zh-CN': () => '应用未正确启动（缺少 window.api）',
    en: () => 'The app did not start properly (no window.api)',
  }),
  'ipc.importFileGone': entry({
    example: {},
    'zh-CN': () => '导入文件已失效，请重新选择',
    en: () => 'The import file is gone; pick it again',
  }),
  'ipc.demoSwitchNotHere': entry({
    example: {},
    'zh-CN': () => '此处不能切换演示模式',
    en: () => 'Demo mode cannot be switched here',
  }),
  'ipc.listReadExpired': entry({
    example: {},
    'zh-CN': () => '列表读取已过期，请重新载入',
    en: () => 'This list read has expired; load the list again',
  }),
  'ipc.backupUnavailable': entry({
    example: {},
    'zh-CN': () => '此处不能备份数据，请用命令行 microent backup',
    en: () => 'Backup is not available here; use microent backup on the command line',
  }),
  'ipc.cancelled': entry({
    example: {},
    'zh-CN': () => '已取消',
    en: () => 'Cancelled',
  }),
  'ipc.keyMissing': entry({
    example: {},
    'zh-CN': () => '尚未设置 API 密钥',
    en: () => 'No API key is set',
  }),
  'ipc.exportUnknown': entry({
    example: {},
    'zh-CN': () => '找不到该导出文件',
    en: () => 'That export is not known here',
  }),
}
