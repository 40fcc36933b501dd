/** What each finding of the data check says, and what a repair does about it, in both languages. */
import { beijingSecond } from '../../shared/domain/beijing-time'
import type { Finding } from './check-data'

export interface FindingText {
  zh: string
  en: string
  /** What `doctor --repair` (or the window's repair) does about it. */
  repairZh: string
  repairEn: string
}

export function findingText(f: Finding): FindingText {
  switch (f.kind) {
    case 'damaged_file':
      return {
        zh: f.reason === 'missing' ? `数据文件 ${f.file} 不见了（快照文件清单中有它）` : `数据文件 ${f.file} 无法读取（${f.reason}）`,
        en: f.reason === 'missing' ? `The data file ${f.file} is missing (the list of snapshot files has it)` : `The data file ${f.file} cannot be read (${f.reason})`,
        repairZh: '另存为 .corrupt 副本（不删除），其中已付费的查询按收费记录重建',
        repairEn: 'keep it aside as a .corrupt copy (never deleted) and rebuild the paid lookups it held from the charged-call record',
      }
    case 'record':
      return {
        zh: f.zh,
        en: f.en,
        repairZh: '保留原文件副本，按查询记录补回缺失的收费；新的收费查询仍暂停，直到你运行 microent resume 或在窗口中点击“继续”确认',
        repairEn: 'keep a copy of the file and add back the charges the lookups prove; new charged calls stay held until you confirm with microent resume or Resume in the window',
      }
    case 'charge_without_lookup': {
      const paid = f.outcome === 'accepted' ? ['已收费', 'charged'] : ['可能已收费', 'may have been charged']
      return {
        zh: `收费记录中的查询「${f.keyword}」（${paid[0]}，北京时间 ${beijingSecond(f.at)}${f.jobid ? `，jobid ${f.jobid}` : ''}）在查询列表中不存在`,
        en: `The lookup "${f.keyword}" in the charged-call record (${paid[1]}, ${beijingSecond(f.at)} Beijing time${f.jobid ? `, jobid ${f.jobid}` : ''}) is missing from the lookups`,
        repairZh: '按收费记录重建该查询（有 jobid 的继续获取结果）',
        repairEn: 'rebuild the lookup from the record (one with a jobid goes on fetching its result)',
      }
    }
    case 'lookup_without_charge':
      return {
        zh: `查询「${f.keyword}」${f.jobid ? `（jobid ${f.jobid}）` : ''}证明有过一次收费，但收费记录中没有`,
        en: `The lookup "${f.keyword}"${f.jobid ? ` (jobid ${f.jobid})` : ''} proves a charged call the record lacks`,
        repairZh: '把这次收费补回收费记录（计入当日和当月次数），并暂停新的收费查询直到你确认',
        repairEn: "add the call back to the record (counted in its day's and month's totals) and hold new charged calls until you confirm",
      }
  }
}
