import { CliError, EXIT, processIo, type CliIo } from './io'
import { langFromEnv, parseLang, say, takeLangOption } from './lang'
import { msg, render } from '../shared/messages'

type Command = (argv: string[], io: CliIo) => Promise<number>

// Each command's code is loaded when it runs: `list` or `show` start without the writer's machinery (the engine, the
// settings store, the HTTP client) or the spreadsheet code (README > Performance: the CLI's start-up).
const COMMANDS: Record<string, () => Promise<Command>> = {
  submit: async () => (await import('./commands/submit')).submitCommand,
  run: async () => (await import('./commands/run')).runCommand,
  list: async () => (await import('./commands/query')).listCommand,
  show: async () => (await import('./commands/query')).showCommand,
  export: async () => (await import('./commands/export')).exportCommand,
  resubmit: async () => (await import('./commands/resubmit')).resubmitCommand,
  charges: async () => (await import('./commands/charges')).chargesCommand,
  audit: async () => (await import('./commands/audit')).auditCommand,
  resume: async () => (await import('./commands/resume')).resumeCommand,
  config: async () => (await import('./commands/config')).configCommand,
  doctor: async () => (await import('./commands/doctor')).doctorCommand,
  backup: async () => (await import('./commands/backup')).backupCommand,
  restore: async () => (await import('./commands/backup')).restoreCommand,
  team: async () => (await import('./commands/team')).teamCommand,
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
    io.out(say(io, msg('cli.usage')))
    return command ? EXIT.OK : EXIT.USAGE
  }
  const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined
  if (!load) {
    io.err(`${say(io, msg('cli.unknownCommand', { command }))}\n\n${say(io, msg('cli.usage'))}`)
    return EXIT.USAGE
  }
  try {
    const run = await load()
    return await run(rest, io)
  } catch (err) {
    if (CliError.is(err)) {
      io.err(err.text ? say(io, err.text) : err.message)
      return err.exitCode
    }
    if (err instanceof TypeError && (err as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      const unknown = (err as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
      const hint = unknown ? `\n${say(io, msg('cli.dashKeyword', { example: '-1号公司' }))}` : ''
      io.err(`${say(io, msg('cli.badArguments', { detail: err.message }))}${hint}\n\n${say(io, msg('cli.usage'))}`)
      return EXIT.USAGE
    }
    io.err(say(io, msg('cli.failure', { detail: err instanceof Error ? err.message : String(err) })))
    return EXIT.FAILURE
  }
}
