/** The command line's own texts (its output around the core's messages). */
import { entry } from './define'

export const cliMessages = {
  'cli.badLang': entry({
    example: { value: 'fr' },
    'zh-CN': (p) => `--lang 只能是 zh-CN 或 en（收到 “${p.value}”）`,
    en: (p) => `--lang must be zh-CN or en (got "${p.value}")`,
  }),
  'cli.auditUsage': entry({
    example: {},
    'zh-CN': () =>
      '用法：microent audit verify [--json] [--head 链头]（核验收费记录的哈希链；完整退出码 0，断开退出码 1）\n' +
      '      microent audit export <out.xlsx|out.csv> [--from YYYY-MM-DD] [--to YYYY-MM-DD]（导出期间内的收费调用）',
    en: () =>
      "Usage: microent audit verify [--json] [--head HEAD] (checks the charged-call record's hash chain; exit 0 intact, 1 broken)\n" +
      '       microent audit export <out.xlsx|out.csv> [--from YYYY-MM-DD] [--to YYYY-MM-DD] (the charged calls of a period)',
  }),
}
