/** Backup and move: `microent backup` writes a bundle of the data folder, `microent restore` checks and unpacks one. */
import { count, entry } from './define'

/** Why a bundle is refused, the first problem found (restore.ts); `detail` is technical and stays as it is. */
export type BundleProblem =
  | { kind: 'unreadable'; detail: string }
  | { kind: 'too_large'; detail: string }
  | { kind: 'encrypted' }
  | { kind: 'no_manifest' }
  | { kind: 'bad_manifest'; detail: string }
  | { kind: 'unsafe_path'; path: string }
  | { kind: 'symlink'; path: string }
  | { kind: 'duplicate'; path: string }
  | { kind: 'missing'; path: string }
  | { kind: 'unlisted'; path: string }
  | { kind: 'size'; path: string; expected: number; actual: number }
  | { kind: 'hash'; path: string }
  | { kind: 'chain_head'; expected: string; actual: string }

type Texts = { [K in BundleProblem['kind']]: { 'zh-CN': (p: Extract<BundleProblem, { kind: K }>) => string; en: (p: Extract<BundleProblem, { kind: K }>) => string } }

const PROBLEM: Texts = {
  unreadable: { 'zh-CN': (p) => `不是可读的 zip 文件（${p.detail}）`, en: (p) => `it is no readable zip file (${p.detail})` },
  too_large: { 'zh-CN': (p) => `超出恢复的上限（${p.detail}）`, en: (p) => `it is beyond what a restore takes (${p.detail})` },
  encrypted: { 'zh-CN': () => 'zip 文件已加密', en: () => 'the zip file is encrypted' },
  no_manifest: { 'zh-CN': () => '缺少清单 manifest.json，不是本程序写的备份', en: () => 'it has no manifest.json, so it is not a backup this app wrote' },
  bad_manifest: { 'zh-CN': (p) => `清单 manifest.json 无法使用（${p.detail}）`, en: (p) => `its manifest.json cannot be used (${p.detail})` },
  unsafe_path: { 'zh-CN': (p) => `条目 “${p.path}” 不是数据目录中的普通文件名（绝对路径、..、盘符或子目录）`, en: (p) => `the entry "${p.path}" is no plain file name in the data folder (an absolute path, .., a drive or a subfolder)` },
  symlink: { 'zh-CN': (p) => `条目 “${p.path}” 是符号链接`, en: (p) => `the entry "${p.path}" is a symbolic link` },
  duplicate: { 'zh-CN': (p) => `“${p.path}” 出现了不止一次`, en: (p) => `"${p.path}" is in it more than once` },
  missing: { 'zh-CN': (p) => `清单列出的 ${p.path} 不在备份中`, en: (p) => `${p.path}, listed in the manifest, is not in the bundle` },
  unlisted: { 'zh-CN': (p) => `${p.path} 不在清单中`, en: (p) => `${p.path} is not in the manifest` },
  size: {
    'zh-CN': (p) => `${p.path} 的大小为 ${p.actual} 字节，清单记为 ${p.expected} 字节`,
    en: (p) => `${p.path} is ${count(p.actual, 'byte')}, the manifest says ${count(p.expected, 'byte')}`,
  },
  hash: { 'zh-CN': (p) => `${p.path} 的 SHA-256 与清单不符（内容被改动过）`, en: (p) => `${p.path} does not match its SHA-256 in the manifest (it was changed)` },
  chain_head: {
    'zh-CN': (p) => `收费记录的哈希链头 ${p.actual} 与清单记载的 ${p.expected} 不符`,
    en: (p) => `the charged-call record's chain head ${p.actual} is not the ${p.expected} the manifest gives`,
  },
}

function problemText(p: BundleProblem, lang: 'zh-CN' | 'en'): string {
  const texts = PROBLEM[p.kind] as { 'zh-CN': (q: BundleProblem) => string; en: (q: BundleProblem) => string } | undefined
  return texts ? texts[lang](p) : p.kind
}

export const backupMessages = {
  'backup.usage': entry({
    example: {},
    'zh-CN': () => '用法：microent backup <备份.zip> [--json]（把数据目录写成一个可携带的备份文件）\n      microent restore <备份.zip> [--json]（恢复到空的数据目录）',
    en: () => 'Usage: microent backup <out.zip> [--json] (writes the data folder as one portable bundle)\n       microent restore <in.zip> [--json] (into an empty data folder)',
  }),
  'backup.badOut': entry({
    example: { path: 'backup.tar' },
    'zh-CN': (p) => `备份文件名须以 .zip 结尾：${p.path}`,
    en: (p) => `A backup is written as a .zip file: ${p.path}`,
  }),
  'backup.outExists': entry({
    example: { path: 'backup.zip' },
    'zh-CN': (p) => `${p.path} 已存在，未覆盖；请换一个文件名或先删除它`,
    en: (p) => `${p.path} exists and is not overwritten; choose another name or delete it first`,
  }),
  'backup.outInData': entry({
    example: { path: '/data/backup.zip' },
    'zh-CN': (p) => `备份文件不能放在数据目录里：${p.path}`,
    en: (p) => `A backup cannot be written inside the data folder: ${p.path}`,
  }),
  'backup.noData': entry({
    example: { dir: '/home/me/.config/microent-desk/data' },
    'zh-CN': (p) => `数据目录不存在，没有可备份的内容：${p.dir}（检查 MICROENT_DATA_DIR）`,
    en: (p) => `The data folder does not exist, so there is nothing to back up: ${p.dir} (check MICROENT_DATA_DIR)`,
  }),
  'backup.locked': entry({
    example: {},
    'zh-CN': () => '备份需要独占数据目录，以得到一致的副本：请先关闭应用或停止正在运行的 run，再备份。',
    en: () => 'A backup needs the data folder to itself, for a consistent copy: close the app or stop the running `run`, then back up.',
  }),
  'backup.keyInFile': entry({
    example: { file: 'settings.json' },
    'zh-CN': (p) => `数据文件 ${p.file} 中含有 API 密钥，备份文件不能包含密钥，未写入备份`,
    en: (p) => `The data file ${p.file} holds the API key, and a bundle never does: no backup was written`,
  }),
  'backup.done': entry({
    example: { files: 12, bytes: 20480, path: 'backup.zip', head: 'ab12' },
    counts: ['files', 'bytes'],
    'zh-CN': (p) => `已备份 ${p.files} 个数据文件到 ${p.path}（${p.bytes} 字节；收费记录哈希链头 ${p.head}）。API 密钥不在其中。`,
    en: (p) => `Backed up ${count(p.files, 'data file')} to ${p.path} (${count(p.bytes, 'byte')}; charged-call record chain head ${p.head}). The API key is not in it.`,
  }),
  'restore.notEmpty': entry({
    example: { dir: '/data', entries: 3 },
    counts: ['entries'],
    'zh-CN': (p) => `数据目录 ${p.dir} 不是空的（有 ${p.entries} 项），恢复只写入空目录或新目录；未写入任何内容。请换一个 MICROENT_DATA_DIR，或先把现有文件移走。`,
    en: (p) => `The data folder ${p.dir} is not empty (${count(p.entries, 'entry', 'entries')}); a restore writes only into an empty or new folder, and nothing was written. Name another MICROENT_DATA_DIR, or move its files away first.`,
  }),
  'restore.notFolder': entry({
    example: { dir: '/data' },
    'zh-CN': (p) => `数据目录 ${p.dir} 是一个文件，不是文件夹；未写入任何内容`,
    en: (p) => `The data folder ${p.dir} is a file, not a folder; nothing was written`,
  }),
  'restore.cannotRead': entry({
    example: { path: 'backup.zip', detail: 'ENOENT' },
    'zh-CN': (p) => `无法读取备份文件 ${p.path}（${p.detail}）`,
    en: (p) => `The backup ${p.path} cannot be read (${p.detail})`,
  }),
  'restore.refused': entry({
    example: { path: 'backup.zip', problem: { kind: 'hash', path: 'charges.jsonl' } as BundleProblem },
    'zh-CN': (p) => `备份 ${p.path} 未通过校验，未写入任何内容：${problemText(p.problem, 'zh-CN')}`,
    en: (p) => `The backup ${p.path} does not verify, so nothing was written: ${problemText(p.problem, 'en')}`,
  }),
  'restore.failed': entry({
    example: { dir: '/data', detail: 'ENOSPC: no space left on device' },
    'zh-CN': (p) => `恢复到 ${p.dir} 失败（${p.detail}）；数据目录未被改动，临时文件已删除`,
    en: (p) => `Restoring into ${p.dir} failed (${p.detail}); the data folder was not changed and the temporary files were removed`,
  }),
  'restore.done': entry({
    example: { files: 12, dir: '/data', head: 'ab12', createdAt: '2026-12-06T14:05:00.000Z' },
    counts: ['files'],
    'zh-CN': (p) => `已从 ${p.createdAt} 的备份恢复 ${p.files} 个数据文件到 ${p.dir}（收费记录哈希链头 ${p.head}）。API 密钥不在备份中：请在应用中重新填写，或设置 JUHE_KEY。`,
    en: (p) => `Restored ${count(p.files, 'data file')} from the backup of ${p.createdAt} into ${p.dir} (charged-call record chain head ${p.head}). The key is not in a backup: enter it in the app again, or set JUHE_KEY.`,
  }),
}
