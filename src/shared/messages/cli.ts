/** The command line's own texts (its output around the core's messages): usage, refusals, the data folder. */
import { entry } from './define'

const fixed = (zh: string, en: string) => entry({ example: {}, 'zh-CN': () => zh, en: () => en })

/** The command lines themselves: the same in both languages (they are what is typed). */
const SYNOPSIS = `  microent submit <keyword>... [--file list.xlsx|.csv|.txt] [--column C] [--dry-run] [--yes] [--force] [--json] [--batch NAME] [--skip-invalid] [--accept-fixes] [--allow-bad-check]
  microent run [--until-done] [--max-wait SECONDS] [--json]
  microent list [--status S[,S]] [--json]
  microent show <keyword|jobid> [--json]
  microent export <out.xlsx|out.csv> [--status S[,S]] [--changes] | --batch NAME
  microent resubmit <jobid|keyword> --yes
  microent resubmit --status uncertain[,expired,no_result,failed] [--yes]
  microent charges [--json] [--limit N]
  microent resume
  microent audit verify [--json] [--head HEAD] | verify --team [--json]
  microent audit export <out.xlsx|out.csv> [--from YYYY-MM-DD] [--to YYYY-MM-DD]
  microent doctor [--repair] [--json]
  microent config list [--json] | get <key> [--json] | set <key> <value> [<key> <value>…] | test-connection [--json]
  microent backup <out.zip> [--json]
  microent restore <in.zip> [--json]
  microent team status [--json] | set [--daily-cap N|none] [--monthly-cap N|none] [--price YUAN|none] [--json]`

const EXPORT_USAGE = 'microent export <out.xlsx|out.csv> [--status S]'
const CONFIG_SET_USAGE = 'microent config set <key> <value> [<key> <value>…]'

export const cliMessages = {
  'cli.badLang': entry({
    example: { value: 'fr' },
    'zh-CN': (p) => `--lang 只能是 zh-CN 或 en（收到 “${p.value}”）`,
    en: (p) => `--lang must be zh-CN or en (got "${p.value}")`,
  }),
  'cli.usage': entry({
    example: {},
    'zh-CN': () =>
      `microent — 小微企业查询（聚合数据）命令行\n\n${SYNOPSIS}\n\n` +
      '每个命令都接受 --lang zh-CN|en（默认按系统语言 LC_ALL、LC_MESSAGES、LANG：en_* 为英文，其余为中文）\n\n' +
      '环境变量：MICROENT_DATA_DIR、JUHE_KEY、JUHE_BASE_URL（默认 https://v.juhe.cn）、MICROENT_TIME_SCALE\n' +
      '团队模式：MICROENT_DATABASE_URL（PostgreSQL 地址；密码可用 PGPASSWORD）、MICROENT_DESK（工作台名称，默认主机名）\n' +
      '退出码：0 成功，1 其他失败，2 用法或输入错误（未做任何更改），3 密钥或权限错误',
    en: () =>
      `microent — small-business lookups (Juhe), command line\n\n${SYNOPSIS}\n\n` +
      'Every command takes --lang zh-CN|en (default: the locale, LC_ALL / LC_MESSAGES / LANG; Chinese unless it is en_*)\n\n' +
      'Environment: MICROENT_DATA_DIR, JUHE_KEY, JUHE_BASE_URL (default https://v.juhe.cn), MICROENT_TIME_SCALE\n' +
      'Team mode: MICROENT_DATABASE_URL (PostgreSQL URL; the password may be in PGPASSWORD), MICROENT_DESK (this desk\'s name, default the host name)\n' +
      'Exit codes: 0 ok, 1 other failure, 2 bad usage or input (nothing changed), 3 key/permission error',
  }),
  'cli.unknownCommand': entry({
    example: { command: 'frobnicate' },
    'zh-CN': (p) => `未知命令：${p.command}`,
    en: (p) => `Unknown command: ${p.command}`,
  }),
  /** `detail`: Node's own words about the arguments (parseArgs), in English whatever the language. */
  'cli.badArguments': entry({
    example: { detail: "Unknown option '-1'" },
    'zh-CN': (p) => `参数错误：${p.detail}`,
    en: (p) => `Bad arguments: ${p.detail}`,
  }),
  /** `example`: a keyword that starts with "-". */
  'cli.dashKeyword': entry({
    example: { example: '-1号公司' },
    'zh-CN': (p) => `以“-”开头的关键词请写在 -- 之后，例如 microent submit -- ${p.example}`,
    en: (p) => `Put a keyword that starts with "-" after --, e.g. microent submit -- ${p.example}`,
  }),
  /** Something the CLI did not expect; `detail`: the error's own words. */
  'cli.failure': entry({
    example: { detail: 'EIO: i/o error, read' },
    'zh-CN': (p) => `出错：${p.detail}`,
    en: (p) => `Failure: ${p.detail}`,
  }),
  'cli.auditUsage': entry({
    example: {},
    'zh-CN': () =>
      '用法：microent audit verify [--json] [--head 链头]（核验收费记录的哈希链；完整退出码 0，断开退出码 1）\n' +
      '      microent audit verify --team [--json]（团队模式：核验团队数据库中的收费记录）\n' +
      '      microent audit export <out.xlsx|out.csv> [--from YYYY-MM-DD] [--to YYYY-MM-DD]（导出期间内的收费调用）',
    en: () =>
      "Usage: microent audit verify [--json] [--head HEAD] (checks the charged-call record's hash chain; exit 0 intact, 1 broken)\n" +
      "       microent audit verify --team [--json] (team mode: the team database's charge record)\n" +
      '       microent audit export <out.xlsx|out.csv> [--from YYYY-MM-DD] [--to YYYY-MM-DD] (the charged calls of a period)',
  }),
  'cli.showUsage': fixed('用法：microent show <keyword|jobid> [--json]', 'Usage: microent show <keyword|jobid> [--json]'),
  'cli.resubmitUsage': fixed(
    '用法：microent resubmit <jobid|keyword> --yes | microent resubmit --status uncertain[,expired,…] [--yes]',
    'Usage: microent resubmit <jobid|keyword> --yes | microent resubmit --status uncertain[,expired,…] [--yes]',
  ),
  'cli.exportUsage': fixed(`用法：${EXPORT_USAGE}`, `Usage: ${EXPORT_USAGE}`),
  'cli.exportBadExt': entry({
    example: { path: 'out.txt' },
    'zh-CN': (p) => `只能导出为 .xlsx 或 .csv：${p.path}\n用法：${EXPORT_USAGE}`,
    en: (p) => `Export writes .xlsx or .csv only: ${p.path}\nUsage: ${EXPORT_USAGE}`,
  }),
  'cli.configSetUsage': fixed(`用法：${CONFIG_SET_USAGE}`, `Usage: ${CONFIG_SET_USAGE}`),
  'cli.configUsage': fixed(
    '用法：microent config list [--json] | config get <key> [--json] | config set <key> <value> [<key> <value>…] | config test-connection [--json]',
    'Usage: microent config list [--json] | config get <key> [--json] | config set <key> <value> [<key> <value>…] | config test-connection [--json]',
  ),
  /** `config list`: after a setting left at its default. */
  'cli.isDefault': fixed('（默认）', '(default)'),
  'cli.limitPositive': fixed('--limit 需要正整数', '--limit takes a positive whole number'),

  /** The data folder MICROENT_DATA_DIR names (or the app's own). */
  'cli.dataDirNotFolder': entry({
    example: { dir: '/home/me/microent-data' },
    'zh-CN': (p) => `数据目录不是文件夹：${p.dir}（检查 MICROENT_DATA_DIR）`,
    en: (p) => `The data folder is a file, not a folder: ${p.dir} (check MICROENT_DATA_DIR)`,
  }),
  'cli.dataDirMissing': entry({
    example: { dir: '/home/me/microent-data' },
    'zh-CN': (p) => `数据目录不存在：${p.dir}（检查 MICROENT_DATA_DIR）`,
    en: (p) => `The data folder does not exist: ${p.dir} (check MICROENT_DATA_DIR)`,
  }),
  /** The app's own folder (MICROENT_DATA_DIR unset) is not there yet: nothing was ever submitted on this account. */
  'cli.noDataYet': entry({
    example: { dir: '/home/me/.config/microent-desk/data' },
    'zh-CN': (p) => `还没有数据：${p.dir} 不存在，尚无可运行或处理的查询（microent submit 会创建它）`,
    en: (p) => `No data yet: ${p.dir} does not exist, so there is nothing to run or act on (microent submit creates it)`,
  }),
  /** `code`: the system's error code (EACCES…). */
  'cli.dataDirUnreadable': entry({
    example: { dir: '/home/me/microent-data', code: 'EACCES' },
    'zh-CN': (p) => `无法读取数据目录 ${p.dir}（${p.code}；检查 MICROENT_DATA_DIR 和权限）`,
    en: (p) => `The data folder ${p.dir} cannot be read (${p.code}; check MICROENT_DATA_DIR and its permissions)`,
  }),
  'cli.dataDirCreated': entry({
    example: { dir: '/home/me/microent-data' },
    'zh-CN': (p) => `新建数据目录：${p.dir}；其他目录中的查询记录不会用于去重`,
    en: (p) => `Created a new data folder: ${p.dir}; lookups kept in another folder do not count as duplicates here`,
  }),
  /** `url`: the address with any credentials taken out; `credentials`: it carried some. */
  'cli.badBaseUrl': entry({
    example: { url: 'ftp://example.com', credentials: false },
    'zh-CN': (p) => `JUHE_BASE_URL 不是可用的 http(s) 地址${p.credentials ? '（不能含用户名或密码）' : ''}：${p.url}`,
    en: (p) => `JUHE_BASE_URL is not a usable http(s) address${p.credentials ? ' (it must not carry a user name or password)' : ''}: ${p.url}`,
  }),
  /** `resume` while the app or a run holds the folder: it was asked and did not answer. */
  'cli.holderSilent': entry({
    example: { app: 'MicroEnt Desk', pid: 4242 },
    'zh-CN': (p) => `${p.app}（进程 ${p.pid}）正在使用数据目录，但没有响应继续请求；请在该程序中继续，或结束它后再运行 microent resume`,
    en: (p) => `${p.app} (pid ${p.pid}) holds the data folder but did not answer; resume there, or end it and run microent resume again`,
  }),
}
