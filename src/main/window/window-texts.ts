import type { Lang } from '../tray/tray-status'

/** Said when the window's page cannot be loaded after its retries (a damaged install, most likely). */
export function pageFailedText(lang: Lang, code: number): { title: string; body: string } {
  return lang === 'zh-CN'
    ? { title: '界面无法加载', body: `应用界面加载失败（错误 ${code}）。请重新启动应用；如仍失败，请重新安装。查询数据保存在数据文件夹中，不会丢失。` }
    : { title: 'The window could not be loaded', body: `The app's page failed to load (error ${code}). Restart the app; if that does not help, reinstall it. Your lookups are kept in the data folder.` }
}
