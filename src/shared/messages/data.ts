/**
 * The data folder and its files: where it cannot be made, who holds it, a file from a newer version, and what the
 * data check (`microent doctor`, the window's check) finds and what a repair does about it.
 */
import { beijingMinute, beijingSecond } from '../domain/beijing-time'
import { entry, plural, type Lang, type MessageData } from './define'

/** Why the data folder cannot be used (core/store/make-folder FolderProblem). */
export type FolderProblem = 'not_a_folder' | 'no_permission' | 'read_only' | 'system_path' | 'cannot_create'

const FOLDER: Readonly<Record<FolderProblem, Record<Lang, (path: string) => string>>> = {
  not_a_folder: { 'zh-CN': (p) => `数据目录路径中的 ${p} 是文件，不是文件夹`, en: (p) => `${p} in the data folder's path is a file, not a folder` },
  no_permission: { 'zh-CN': (p) => `没有权限在 ${p} 中创建或写入数据目录`, en: (p) => `No permission to create or write the data folder in ${p}` },
  read_only: { 'zh-CN': (p) => `${p} 位于只读的文件系统上，无法保存数据`, en: (p) => `${p} is on a read-only file system; nothing can be saved there` },
  system_path: {
    'zh-CN': (p) => `${p} 是系统目录（/proc、/sys、/dev），不能作为数据目录`,
    en: (p) => `${p} is a system path (/proc, /sys, /dev) and cannot hold the data folder`,
  },
  cannot_create: { 'zh-CN': (p) => `无法创建数据目录 ${p}`, en: (p) => `The data folder ${p} cannot be created` },
}

const folder = {
  'data.folderProblem': entry({
    example: { path: '/proc/1/nope', problem: 'system_path' as FolderProblem },
    'zh-CN': (p) => (FOLDER[p.problem] ?? FOLDER.cannot_create)['zh-CN'](p.path),
    en: (p) => (FOLDER[p.problem] ?? FOLDER.cannot_create).en(p.path),
  }),
  /** The CLI's hint after a folder problem: the folder comes from the environment. */
  'data.checkDataDirEnv': entry({
    example: { problem: { code: 'data.folderProblem', params: { path: '/proc/1/nope', problem: 'system_path' } } as MessageData },
    'zh-CN': (p, say) => `${say(p.problem)}（检查 MICROENT_DATA_DIR）`,
    en: (p, say) => `${say(p.problem)} (check MICROENT_DATA_DIR)`,
  }),
  /** `since`: when the holder took the folder (ms), 0 when unknown. */
  'data.locked': entry({
    example: { app: 'microent', pid: 4242, host: 'office-pc', since: Date.UTC(2026, 11, 6, 1, 30) },
    'zh-CN': (p) => `数据目录正被另一个程序使用（${p.app}，进程 ${p.pid}，主机 ${p.host}${p.since > 0 ? `，自北京时间 ${beijingMinute(p.since)} 起` : ''}）。请关闭它后重试。`,
    en: (p) => `The data folder is in use by ${p.app} (pid ${p.pid} on ${p.host}${p.since > 0 ? `, since ${beijingMinute(p.since)} Beijing time` : ''}); close it and try again.`,
  }),
  /** holds.json could not be read: charged calls stay held until the user confirms (never lifted by a reading error). */
  'data.holdsUnreadable': entry({
    example: {},
    'zh-CN': () => '记录暂停状态的文件 holds.json 无法读取，按额度已用完处理；确认额度后请运行 microent resume 或点击“继续”',
    en: () =>
      'holds.json, which keeps the hold on charged calls, could not be read, so the quota is taken as used up; once it is checked, run microent resume or click Resume',
  }),
  'data.newerSchema': entry({
    example: { file: 'queue.json', found: 3, supported: 1 },
    'zh-CN': (p) => `${p.file} 由更新版本的程序写入（数据版本 ${p.found}，本程序支持 ${p.supported}），请升级程序。`,
    en: (p) => `${p.file} was written by a newer version (schema ${p.found}; this version reads up to ${p.supported}). Please upgrade.`,
  }),
}

/** What the data check finds; `reason` 'missing': the file is listed among the snapshot files but is not there. */
const findings = {
  'data.damagedFile': entry({
    example: { file: 'queue-03.json', reason: 'Unexpected token' },
    'zh-CN': (p) => (p.reason === 'missing' ? `数据文件 ${p.file} 不见了（快照文件清单中有它）` : `数据文件 ${p.file} 无法读取（${p.reason}）`),
    en: (p) => (p.reason === 'missing' ? `The data file ${p.file} is missing (the list of snapshot files has it)` : `The data file ${p.file} cannot be read (${p.reason})`),
  }),
  'data.chargeWithoutLookup': entry({
    example: { keyword: 'Acme Trading Co', at: Date.UTC(2026, 11, 6, 2), jobid: 'micro_9' as string | null, outcome: 'accepted' as 'accepted' | 'uncertain' },
    'zh-CN': (p) =>
      `收费记录中的查询「${p.keyword}」（${p.outcome === 'accepted' ? '已收费' : '可能已收费'}，北京时间 ${beijingSecond(p.at)}${p.jobid ? `，jobid ${p.jobid}` : ''}）在查询列表中不存在`,
    en: (p) =>
      `The lookup "${p.keyword}" in the charged-call record (${p.outcome === 'accepted' ? 'charged' : 'may have been charged'}, ${beijingSecond(p.at)} Beijing time${p.jobid ? `, jobid ${p.jobid}` : ''}) is missing from the lookups`,
  }),
  'data.lookupWithoutCharge': entry({
    example: { keyword: 'Acme Trading Co', jobid: 'micro_2' as string | null },
    'zh-CN': (p) => `查询「${p.keyword}」${p.jobid ? `（jobid ${p.jobid}）` : ''}证明有过一次收费，但收费记录中没有`,
    en: (p) => `The lookup "${p.keyword}"${p.jobid ? ` (jobid ${p.jobid})` : ''} proves a charged call the record lacks`,
  }),
}

/** What a repair (`doctor --repair`) does about each finding: said after "修复将" / "--repair will". */
const repairs = {
  'data.repairDamagedFile': entry({
    example: {},
    'zh-CN': () => '另存为 .corrupt 副本（不删除），其中已付费的查询按收费记录重建',
    en: () => 'keep it aside as a .corrupt copy (never deleted) and rebuild the paid lookups it held from the charged-call record',
  }),
  'data.repairRecord': entry({
    example: {},
    'zh-CN': () => '保留原文件副本，按查询记录补回缺失的收费；新的收费查询仍暂停，直到你运行 microent resume 或在窗口中点击“继续”确认',
    en: () =>
      'keep a copy of the file and add back the charges the lookups prove; new charged calls stay held until you confirm with microent resume or Resume in the window',
  }),
  'data.repairChargeWithoutLookup': entry({
    example: {},
    'zh-CN': () => '按收费记录重建该查询（有 jobid 的继续获取结果）',
    en: () => 'rebuild the lookup from the record (one with a jobid goes on fetching its result)',
  }),
  'data.repairLookupWithoutCharge': entry({
    example: {},
    'zh-CN': () => '把这次收费补回收费记录（计入当日和当月次数），并暂停新的收费查询直到你确认',
    en: () => "add the call back to the record (counted in its day's and month's totals) and hold new charged calls until you confirm",
  }),
}

/** `microent doctor`'s own lines around the findings. */
const doctor = {
  'data.sound': entry({
    example: {},
    'zh-CN': () => '数据文件完好：查询与收费记录一致',
    en: () => 'The data files are sound: the lookups and the charged-call record agree',
  }),
  'data.repairWill': entry({
    example: { what: { code: 'data.repairDamagedFile' } as MessageData, repaired: false as boolean },
    'zh-CN': (p, say) => `${p.repaired ? '仍需' : '修复将'}：${say(p.what)}`,
    en: (p, say) => `${p.repaired ? 'still needed' : '--repair will'}: ${say(p.what)}`,
  }),
  'data.found': entry({
    example: { n: 2 },
    counts: ['n'],
    'zh-CN': (p) => `发现 ${p.n} 项问题；运行 microent doctor --repair 修复`,
    en: (p) => `${p.n} ${plural(p.n, 'problem')} found; run microent doctor --repair to repair`,
  }),
  'data.remain': entry({
    example: { n: 2 },
    counts: ['n'],
    'zh-CN': (p) => `修复后仍有 ${p.n} 项`,
    en: (p) => `${p.n} ${p.n === 1 ? 'finding remains' : 'findings remain'} after the repair`,
  }),
}

export const dataMessages = { ...folder, ...findings, ...repairs, ...doctor }
