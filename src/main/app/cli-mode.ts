/**
 * The app binary as the command line: `MicroEnt-Desk --cli list --json` runs the CLI's main() on the rest of the
 * arguments with the process's stdin, stdout and stderr, and exits with its code. The installed app cannot run as
 * Node (the runAsNode fuse is off), so this is how the shipped `microent` launchers reach the CLI (README > Command
 * line). index.ts decides it before anything else: no window, tray, dock icon or single-instance lock, and the
 * data folder is the CLI's to open with its own lock, as a `microent` run from a checkout would.
 */

export const CLI_SWITCH = '--cli'

/** The CLI's arguments when the app was started with `--cli` (everything after it), else null. */
export function cliArguments(argv: readonly string[]): string[] | null {
  // argv[0] is the executable; an unpackaged run (`electron . --cli …`) has the app's folder next.
  const at = argv.indexOf(CLI_SWITCH, 1)
  return at < 0 ? null : argv.slice(at + 1)
}

export interface CliModeDeps {
  loadCli: () => Promise<{ main: (args: string[]) => Promise<number> }>
  exit: (code: number) => void
  /** macOS: no dock icon for a command-line run. */
  hideDock?: () => void
}

/** Waits until what was written to a stream has been handed to the OS (a pipe may take it asynchronously). */
function drained(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || !stream.writable) resolve()
    else stream.write('', () => resolve())
  })
}

export async function runCliMode(args: string[], deps: CliModeDeps): Promise<void> {
  deps.hideDock?.()
  let code: number
  try {
    const { main } = await deps.loadCli()
    code = await main(args)
  } catch (err) {
    // main() answers every failure of a command itself; this is the CLI failing to load at all.
    process.stderr.write(`microent: ${err instanceof Error ? err.message : String(err)}\n`)
    code = 1
  }
  await Promise.all([drained(process.stdout), drained(process.stderr)])
  // app.exit, not process.exit: Electron ends its own threads cleanly; nothing of the desktop was started.
  deps.exit(code)
}
