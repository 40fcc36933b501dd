/**
 * Why an export could not be written, worded for the clerk who chose where to save it. Every failure says that no
 * partial file was left: an export is written through a temp file and renamed only when complete.
 */
import { entry, type MessageData } from './define'

/** Why the export worker (the thread that writes the file) failed. */
export type WorkerFault = 'missing' | 'start' | 'memory' | 'crashed' | 'unreachable' | 'exited'

const WORKER = {
  missing: {
    'zh-CN': (d: string) => `找不到导出组件（${d}），安装可能不完整，请重新安装本软件`,
    en: (d: string) => `the export worker is missing (${d}); the installation may be incomplete, reinstall the app`,
  },
  start: { 'zh-CN': (d: string) => `导出组件无法启动（${d}）`, en: (d: string) => `the export worker could not start (${d})` },
  memory: {
    'zh-CN': (d: string) => `导出所需内存超过上限（${d} MB）。请分批导出（例如按批次或状态筛选）后重试`,
    en: (d: string) => `it needed more memory than the export may use (${d} MB). Export fewer lookups at a time (filter by batch or status)`,
  },
  crashed: { 'zh-CN': (d: string) => `导出组件出错（${d}）`, en: (d: string) => `the export worker failed (${d})` },
  unreachable: { 'zh-CN': (d: string) => `导出组件通信出错（${d}）`, en: (d: string) => `the export worker could not be reached (${d})` },
  exited: { 'zh-CN': (d: string) => `导出组件意外退出（代码 ${d}）`, en: (d: string) => `the export worker stopped unexpectedly (exit code ${d})` },
} as const

export const exportMessages = {
  'export.diskFull': entry({
    example: { name: 'lookups.xlsx' },
    'zh-CN': (p) => `磁盘空间不足，「${p.name}」未能写完。未留下不完整的文件。请清理磁盘空间或换一个保存位置后重试。`,
    en: (p) => `The disk is full, so "${p.name}" could not be written. No partial file was left. Free some space or choose another location.`,
  }),
  'export.fileBusy': entry({
    example: { name: 'lookups.xlsx' },
    'zh-CN': (p) => `无法覆盖「${p.name}」：该文件正被其他程序（通常是 Excel 或 WPS）打开，或被设为只读。请先关闭该文件再导出，或换一个文件名。`,
    en: (p) => `Cannot replace "${p.name}": it is open in another program (usually Excel or WPS) or read-only. Close it and export again, or choose another file name.`,
  }),
  'export.folderMissing': entry({
    example: { dir: 'E:\\exports' },
    'zh-CN': (p) => `保存位置「${p.dir}」不存在（可能已被删除、移动，或是已断开的网络盘、U 盘）。请重新选择保存位置。`,
    en: (p) => `The folder "${p.dir}" does not exist (it may have been deleted or moved, or is a disconnected network or USB drive). Choose another location.`,
  }),
  'export.noPermission': entry({
    example: { dir: 'C:\\Windows' },
    'zh-CN': (p) => `没有权限在「${p.dir}」中保存文件。请换一个保存位置（例如“文档”或“桌面”）。`,
    en: (p) => `No permission to save files in "${p.dir}". Choose another location (such as Documents or Desktop).`,
  }),
  'export.targetIsFolder': entry({
    example: { path: '/home/clerk/exports' },
    'zh-CN': (p) => `「${p.path}」是一个文件夹，不能作为导出文件名。请换一个文件名。`,
    en: (p) => `"${p.path}" is a folder and cannot be used as the export file name. Choose another name.`,
  }),
  /** `detail`: the system's own words (an fs error's message), or a nested message (export.worker). */
  'export.failed': entry({
    example: { name: 'lookups.xlsx', detail: 'EIO: i/o error, write' as string | MessageData },
    'zh-CN': (p, say) => `导出「${p.name}」失败：${typeof p.detail === 'string' ? p.detail : say(p.detail)}。未留下不完整的文件。`,
    en: (p, say) => `Exporting "${p.name}" failed: ${typeof p.detail === 'string' ? p.detail : say(p.detail)}. No partial file was left.`,
  }),
  'export.worker': entry({
    example: { fault: 'exited' as WorkerFault, detail: '1' },
    'zh-CN': (p) => (WORKER[p.fault] ?? WORKER.crashed)['zh-CN'](p.detail),
    en: (p) => (WORKER[p.fault] ?? WORKER.crashed).en(p.detail),
  }),
}
