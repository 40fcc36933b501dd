/** The command line's own texts (its output around the core's messages). */
import { entry } from './define'

export const cliMessages = {
  'cli.badLang': entry({
    example: { value: 'fr' },
    'zh-CN': (p) => `--lang 只能是 zh-CN 或 en（收到 “${p.value}”）`,
    en: (p) => `--lang must be zh-CN or en (got "${p.value}")`,
  }),
}
