/**
 * What the desktop app's main process says itself: the key store's refusals (shown in the window), its native
 * dialogs, the second-launch question and the start-up failures (shown by main in the app's language setting).
 */
import type { PauseReason } from '../domain/engine'
import { count, entry, type MessageData } from './define'

const CHOOSE = {
  'zh-CN': '请选择：仅在本次运行中使用密钥，或在知情同意后以明文保存。',
  en: 'Choose: keep the key for this session only, or store it unencrypted with your consent.',
}

const TRAY_PAUSE: Record<PauseReason, { 'zh-CN': string; en: string }> = {
  user: { 'zh-CN': '已暂停', en: 'Paused' },
  key: { 'zh-CN': '已暂停：API 密钥有问题', en: 'Paused: API key problem' },
  rate_limit: { 'zh-CN': '已暂停：请求过于频繁，稍后自动继续', en: 'Paused: rate limited, resumes by itself' },
  maintenance: { 'zh-CN': '已暂停：接口维护中', en: 'Paused: API maintenance' },
  disabled: { 'zh-CN': '已停止：接口已停用', en: 'Stopped: API discontinued' },
  recovery: { 'zh-CN': '已暂停：数据文件已恢复，请确认', en: 'Paused: data file recovered, please review' },
}

export const desktopMessages = {
  'desktop.keyEmpty': entry({
    example: {},
    'zh-CN': () => '密钥不能为空',
    en: () => 'The key is empty',
  }),
  'desktop.keyCannotEncrypt': entry({
    example: {},
    'zh-CN': () => `本机无法加密保存密钥。${CHOOSE['zh-CN']}`,
    en: () => 'This computer cannot encrypt the key. Choose: keep it for this session only, or store it unencrypted with your consent.',
  }),
  'desktop.keyWeakEncryption': entry({
    example: { backend: 'basic_text' },
    'zh-CN': (p) => `本机未找到系统密钥环（${p.backend}），加密只用固定密钥，等同明文。${CHOOSE['zh-CN']}`,
    en: (p) => `No system keyring was found (${p.backend}); encryption would use a fixed key, no better than plain text. ${CHOOSE.en}`,
  }),
  'desktop.keyEncryptFailed': entry({
    example: {},
    'zh-CN': () => '密钥加密失败，未保存',
    en: () => 'Encrypting the key failed; nothing was saved',
  }),
  'desktop.keyWriteFailed': entry({
    example: {},
    'zh-CN': () => '无法写入密钥文件',
    en: () => 'The key file could not be written',
  }),
  'desktop.keyRemoveFailed': entry({
    example: {},
    'zh-CN': () => '无法删除已保存的密钥',
    en: () => 'The saved key could not be removed',
  }),
  'desktop.demoKeyFixed': entry({
    example: {},
    'zh-CN': () => '演示模式使用内置密钥，请先退出演示模式',
    en: () => 'Demo mode uses a built-in key: leave demo mode first',
  }),
  'desktop.devRelaunchRefused': entry({
    example: {},
    'zh-CN': () => '开发运行无法自动重启：请用 npm run demo 启动演示模式（安装版可一键切换）',
    en: () => 'A development run cannot restart itself: start demo mode with npm run demo (the installed app switches in one click)',
  }),
  'desktop.dataFolderUnopened': entry({
    example: {},
    'zh-CN': () => '无法打开数据文件夹',
    en: () => 'The data folder could not be opened',
  }),
  'desktop.importTitle': entry({ example: {}, 'zh-CN': () => '导入关键词列表', en: () => 'Import a keyword list' }),
  'desktop.importFilter': entry({ example: {}, 'zh-CN': () => '关键词列表（Excel、CSV、文本）', en: () => 'Keyword lists (Excel, CSV, text)' }),
  'desktop.backupFilter': entry({ example: {}, 'zh-CN': () => '数据备份（zip）', en: () => 'Data backup (zip)' }),
  'desktop.exportTitle': entry({ example: {}, 'zh-CN': () => '导出查询结果', en: () => 'Export lookups' }),
  'desktop.xlsxFilter': entry({ example: {}, 'zh-CN': () => 'Excel 工作簿', en: () => 'Excel workbook' }),
  'desktop.csvFilter': entry({ example: {}, 'zh-CN': () => 'CSV（逗号分隔）', en: () => 'CSV (comma-separated)' }),
  'desktop.toDemoTitle': entry({ example: {}, 'zh-CN': () => '切换到演示模式？', en: () => 'Switch to demo mode?' }),
  'desktop.toDemoQuestion': entry({
    example: {},
    'zh-CN': () => '应用已在运行。要重新启动并进入演示模式吗？演示数据与真实查询分开保存。',
    en: () => 'The app is already running. Restart it in demo mode? Demo data is kept apart from real lookups.',
  }),
  'desktop.leaveDemoTitle': entry({ example: {}, 'zh-CN': () => '退出演示模式？', en: () => 'Leave demo mode?' }),
  'desktop.leaveDemoQuestion': entry({
    example: {},
    'zh-CN': () => '应用正以演示模式运行。要重新启动并使用真实接口吗？',
    en: () => 'The app is running in demo mode. Restart it with the real API?',
  }),
  'desktop.restart': entry({ example: {}, 'zh-CN': () => '重新启动', en: () => 'Restart' }),
  'desktop.cancel': entry({ example: {}, 'zh-CN': () => '取消', en: () => 'Cancel' }),
  'desktop.stayInDemo': entry({ example: {}, 'zh-CN': () => '继续演示', en: () => 'Stay in demo' }),
  'desktop.pageFailedTitle': entry({ example: {}, 'zh-CN': () => '界面无法加载', en: () => 'The window could not be loaded' }),
  'desktop.pageFailedBody': entry({
    example: { code: -6 },
    'zh-CN': (p) => `应用界面加载失败（错误 ${p.code}）。请重新启动应用；如仍失败，请重新安装。查询数据保存在数据文件夹中，不会丢失。`,
    en: (p) => `The app's page failed to load (error ${p.code}). Restart the app; if that does not help, reinstall it. Your lookups are kept in the data folder.`,
  }),
  'desktop.dataFolderInUse': entry({ example: {}, 'zh-CN': () => '数据文件夹正在使用', en: () => 'Data folder in use' }),
  'desktop.couldNotStart': entry({ example: {}, 'zh-CN': () => '无法启动', en: () => 'Could not start' }),
  'desktop.startFailed': entry({
    example: { detail: 'EACCES: permission denied' },
    'zh-CN': (p) => `启动时出错：${p.detail}`,
    en: (p) => `Start-up failed: ${p.detail}`,
  }),
  // The tray: its tooltip line (the engine's state, then how many lookups wait) and its menu.
  'desktop.trayLine': entry({
    example: { state: { code: 'desktop.trayOffline' } as MessageData, waiting: 2 },
    'zh-CN': (p, say) => `${say(p.state)}${p.waiting > 0 ? `，${p.waiting} 项等待中` : ''}`,
    en: (p, say) => `${say(p.state)}${p.waiting > 0 ? `; ${p.waiting} waiting` : ''}`,
  }),
  'desktop.trayPaused': entry({
    example: { reason: 'rate_limit' as PauseReason },
    'zh-CN': (p) => TRAY_PAUSE[p.reason]['zh-CN'],
    en: (p) => TRAY_PAUSE[p.reason].en,
  }),
  'desktop.trayStopped': entry({ example: {}, 'zh-CN': () => '已停止', en: () => 'Stopped' }),
  'desktop.trayOffline': entry({ example: {}, 'zh-CN': () => '网络离线，正在重试', en: () => 'Offline, retrying' }),
  'desktop.trayHeld': entry({
    example: { quota: true },
    'zh-CN': (p) => (p.quota ? '接口次数已用完' : '已达上限'),
    en: (p) => (p.quota ? 'quota used up' : 'cap reached'),
  }),
  'desktop.trayBusy': entry({
    example: { pending: 12 },
    counts: ['pending'],
    'zh-CN': (p) => `${p.pending} 项查询进行中`,
    en: (p) => `${count(p.pending, 'lookup')} in progress`,
  }),
  'desktop.trayIdle': entry({ example: {}, 'zh-CN': () => '没有进行中的查询', en: () => 'No lookups in progress' }),
  'desktop.trayPending': entry({ example: { pending: 3 }, 'zh-CN': (p) => `进行中：${p.pending} 项`, en: (p) => `Pending: ${p.pending}` }),
  'desktop.trayShow': entry({ example: {}, 'zh-CN': () => '显示窗口', en: () => 'Show window' }),
  'desktop.trayPause': entry({ example: {}, 'zh-CN': () => '暂停查询', en: () => 'Pause lookups' }),
  'desktop.trayResume': entry({ example: {}, 'zh-CN': () => '继续查询', en: () => 'Resume lookups' }),
  'desktop.trayOpenData': entry({ example: {}, 'zh-CN': () => '打开数据文件夹', en: () => 'Open data folder' }),
  'desktop.trayQuit': entry({ example: {}, 'zh-CN': () => '退出', en: () => 'Quit' }),
}
