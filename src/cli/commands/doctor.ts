import { parseArgs } from 'node:util'
import { checkData, checkOwnData, type Finding } from '../../core/use-cases/check-data'
import { findingText } from '../../core/use-cases/check-data-text'
import { withHost, withReadView } from '../context'
import { missingSnapshotFiles } from '../../core/store/segment-files'
import { EXIT, type CliIo } from '../io'

function findingsJson(findings: Finding[]) {
  return findings.map((f) => {
    const t = findingText(f)
    return { ...f, zh: t.zh, en: t.en, repair: { zh: t.repairZh, en: t.repairEn } }
  })
}

function say(io: CliIo, findings: Finding[], json: boolean, repaired: boolean): void {
  if (json) {
    io.out(JSON.stringify({ healthy: findings.length === 0, repaired, findings: findingsJson(findings) }, null, 2))
    return
  }
  if (findings.length === 0) {
    io.out('数据文件完好：查询与收费记录一致 / The data files are sound: the lookups and the charged-call record agree')
    return
  }
  for (const f of findings) {
    const t = findingText(f)
    io.out(`✗ ${t.zh}\n  ${t.en}\n  ${repaired ? '仍需' : '修复将'}：${t.repairZh}\n  ${repaired ? 'still needed' : '--repair will'}: ${t.repairEn}`)
  }
  const n = findings.length
  io.out(repaired ? `修复后仍有 ${n} 项 / ${n} ${n === 1 ? 'finding remains' : 'findings remain'} after the repair` : `发现 ${n} 项问题；运行 microent doctor --repair 修复 / ${n} ${n === 1 ? 'problem' : 'problems'} found; run microent doctor --repair to repair`)
}

/**
 * `doctor [--repair] [--json]`: reads every data file without the lock and holds the lookups and the charged-call
 * record against each other; exit 0 sound, 1 problems found. `--repair` opens the folder as its writer, which sets
 * damaged files aside, rebuilds paid lookups from the record and adds back charges the lookups prove (new charged
 * calls then stay held until the user confirms), and says what is left.
 */
export async function doctorCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { repair: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } } })
  const found = await withReadView(io, (view) => {
    const missing = missingSnapshotFiles(view.dataDir).map((file) => ({ file, reason: 'missing' }))
    return checkData({ jobs: view.list(), calls: view.charges.calls(), damagedFiles: [...view.problems, ...missing], record: view.record })
  })
  if (!values.repair || found.length === 0) {
    say(io, found, values.json, false)
    return found.length === 0 ? EXIT.OK : EXIT.FAILURE
  }
  // The same check on the writer's own view: after the repair, what is left.
  const left = await withHost(io, (host) => checkOwnData(host.services), 'read', { repair: true })
  say(io, left, values.json, true)
  return left.length === 0 ? EXIT.OK : EXIT.FAILURE
}
