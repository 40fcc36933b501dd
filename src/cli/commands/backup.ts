import { parseArgs } from 'node:util'
import { resolveDataDir } from '../../core/data-dir'
import { DataLockedError } from '../../core/store/data-lock'
import { BackupError, writeBackup } from '../../core/use-cases/backup'
import { RestoreError, restoreBackup } from '../../core/use-cases/restore'
import { msg } from '../../shared/messages'
import { CliError, EXIT, type CliIo } from '../io'
import { printJson } from '../team'
import { appVersion } from '../provenance'
import { say } from '../lang'

function bundleArg(io: CliIo, argv: string[]): { path: string; json: boolean } {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean', default: false } } })
  const path = positionals[0]
  if (!path || positionals.length > 1) throw new CliError(EXIT.USAGE, say(io, msg('backup.usage')))
  return { path, json: values.json }
}

/**
 * `backup <out.zip> [--json]`: the data folder as one bundle. It takes the folder's lock for a consistent copy, so
 * it is refused (exit 1) while the app or a `run` holds the folder. The key the CLI was given (JUHE_KEY) is handed
 * to the check that no file carries it.
 */
export async function backupCommand(argv: string[], io: CliIo): Promise<number> {
  const { path, json } = bundleArg(io, argv)
  if (!/\.zip$/i.test(path)) throw new CliError(EXIT.USAGE, say(io, msg('backup.badOut', { path })))
  try {
    const r = await writeBackup({
      dataDir: resolveDataDir(io.env),
      outPath: path,
      app: { name: 'microent-desk', version: appVersion() },
      now: Date.now,
      secrets: [io.env.JUHE_KEY ?? ''],
    })
    if (json) printJson(io, { file: r.file, files: r.files, bytes: r.bytes, chainHead: r.chainHead }, 2)
    else io.err(say(io, msg('backup.done', { files: r.files, bytes: r.bytes, path: r.file, head: r.chainHead })))
    return EXIT.OK
  } catch (err) {
    if (err instanceof DataLockedError) throw new CliError(EXIT.FAILURE, `${say(io, err.text)}\n${say(io, msg('backup.locked'))}`)
    if (err instanceof BackupError) throw new CliError(err.usage ? EXIT.USAGE : EXIT.FAILURE, say(io, err.text))
    throw err
  }
}

/**
 * `restore <in.zip> [--json]`: into the data folder MICROENT_DATA_DIR names (or the app's own), which must be empty
 * or not yet exist; a bundle that does not verify is refused (exit 1) with nothing written.
 */
export async function restoreCommand(argv: string[], io: CliIo): Promise<number> {
  const { path, json } = bundleArg(io, argv)
  try {
    const r = await restoreBackup({ bundlePath: path, dataDir: resolveDataDir(io.env) })
    if (json) printJson(io, { dataDir: r.dataDir, files: r.files, chainHead: r.chainHead }, 2)
    else io.err(say(io, msg('restore.done', { files: r.files, dir: r.dataDir, head: r.chainHead, createdAt: r.manifest.createdAt })))
    return EXIT.OK
  } catch (err) {
    if (err instanceof RestoreError) throw new CliError(EXIT.FAILURE, say(io, err.text))
    throw err
  }
}
