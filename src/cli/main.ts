import { auditCommand } from './commands/audit'
import { backupCommand, restoreCommand } from './commands/backup'
import { chargesCommand } from './commands/charges'
import { configCommand } from './commands/config'
import { doctorCommand } from './commands/doctor'
import { exportCommand } from './commands/export'
import { listCommand, showCommand } from './commands/query'
import { resubmitCommand } from './commands/resubmit'
import { resumeCommand } from './commands/resume'
import { runCommand } from './commands/run'
import { submitCommand } from './commands/submit'
import { CliError, EXIT, processIo, type CliIo } from './io'
import { langFromEnv, langOf, parseLang, takeLangOption } from './lang'
import { msg, render } from '../shared/messages'

const USAGE = `microent — 小微企业查询 (Juhe) command line

  microent submit <keyword>... [--file list.xlsx|.csv|.txt] [--column C] [--dry-run] [--yes] [--force] [--json] [--batch NAME] [--skip-invalid] [--accept-fixes] [--allow-bad-check]
  microent run [--until-done] [--max-wait SECONDS] [--json]
  microent list [--status S[,S]] [--json]
  microent show <keyword|jobid> [--json]
  microent export <out.xlsx|out.csv> [--status S[,S]] [--changes] | --batch NAME
  microent resubmit <jobid|keyword> --yes
  microent resubmit --status uncertain[,expired,no_result,failed] [--yes]
  microent charges [--json] [--limit N]
  microent resume
  microent audit verify [--json] [--head HEAD]
  microent audit export <out.xlsx|out.csv> [--from YYYY-MM-DD] [--to YYYY-MM-DD]
  microent doctor [--repair] [--json]
  microent config list [--json] | get <key> [--json] | set <key> <value> [<key> <value>…]
  microent backup <out.zip> [--json]
  microent restore <in.zip> [--json]

Every command takes --lang zh-CN|en (default: the locale, LC_ALL / LC_MESSAGES / LANG; Chinese unless it is en_*)

Environment: MICROENT_DATA_DIR, JUHE_KEY, JUHE_BASE_URL (default https://v.juhe.cn), MICROENT_TIME_SCALE
Exit codes: 0 ok, 1 other failure, 2 bad usage or input (nothing changed), 3 key/permission error`

const COMMANDS: Record<string, (argv: string[], io: CliIo) => Promise<number>> = {
  submit: submitCommand,
  run: runCommand,
  list: listCommand,
  show: showCommand,
  export: exportCommand,
  resubmit: resubmitCommand,
  charges: chargesCommand,
  audit: auditCommand,
  resume: resumeCommand,
  config: configCommand,
  doctor: doctorCommand,
  backup: backupCommand,
  restore: restoreCommand,
}

export async function main(args: string[], baseIo: CliIo = processIo()): Promise<number> {
  const { argv, value: langValue } = takeLangOption(args)
  const lang = langValue === null ? undefined : parseLang(langValue)
  if (lang === null) {
    baseIo.err(render(msg('cli.badLang', { value: langValue ?? '' }), langFromEnv(baseIo.env)))
    return EXIT.USAGE
  }
  const io: CliIo = lang ? { ...baseIo, lang } : baseIo
  const [command, ...rest] = argv
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    io.out(USAGE)
    return command ? EXIT.OK : EXIT.USAGE
  }
  const run = COMMANDS[command]
  if (!run) {
    io.err(`未知命令 unknown command: ${command}\n\n${USAGE}`)
    return EXIT.USAGE
  }
  try {
    return await run(rest, io)
  } catch (err) {
    if (err instanceof CliError) {
      io.err(err.text ? render(err.text, langOf(io)) : err.message)
      return err.exitCode
    }
    if (err instanceof TypeError && (err as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      const unknown = (err as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
      const hint = unknown ? '\n以“-”开头的关键词请写在 -- 之后 / Put a keyword that starts with "-" after --, e.g. microent submit -- -1号公司' : ''
      io.err(`参数错误 / Bad arguments: ${err.message}${hint}\n\n${USAGE}`)
      return EXIT.USAGE
    }
    io.err(`出错 failure: ${err instanceof Error ? err.message : String(err)}`)
    return EXIT.FAILURE
  }
}
