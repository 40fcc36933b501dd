/**
 * A throwaway PostgreSQL for tests: Debian's `postgresql` package (.ci/run installs it), a cluster in a temp folder
 * (initdb + pg_ctl), on a free port on 127.0.0.1 and a socket in the folder, trust authentication, one database.
 * Where it cannot start, `startPostgres` throws with the reason: team tests fail, they never skip.
 */
import { execFile, execFileSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll } from 'vitest'

export interface TestPostgres {
  /** postgres://postgres@127.0.0.1:<port>/<database> */
  url: string
  port: number
  database: string
  /** Creates another database in the same server; returns its URL. */
  createDatabase(name: string): Promise<string>
  /** Stops the server and removes its folder. */
  stop(): Promise<void>
  /** Shuts the server down (fast: open connections are cut), keeping its data: the database is gone until `restart`. */
  shutDown(): Promise<void>
  /** Starts the server shut down by `shutDown` again, on the same port, with the same data. */
  restart(): Promise<void>
}

const PG_ROOT = '/usr/lib/postgresql'

/**
 * The server's bin folder: MICROENT_PG_BIN, else PGBIN (set on GitHub's Windows runners), else the newest of
 * Debian's /usr/lib/postgresql/<version>/bin, else what `pg_config --bindir` says; or a reason why there is none.
 */
function binDir(): string {
  const given = process.env.MICROENT_PG_BIN || process.env.PGBIN
  if (given) return given
  const versions = existsSync(PG_ROOT) ? readdirSync(PG_ROOT).filter((v) => existsSync(join(PG_ROOT, v, 'bin', 'initdb'))) : []
  versions.sort((a, b) => Number(b) - Number(a))
  if (versions[0] !== undefined) return join(PG_ROOT, versions[0], 'bin')
  try {
    return execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim()
  } catch {
    throw new Error(
      `PostgreSQL is not installed: no ${PG_ROOT}/<version>/bin/initdb, no pg_config on PATH, MICROENT_PG_BIN not set ` +
        '(install Debian\'s "postgresql" package; .ci/run does)',
    )
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

const asRoot = process.getuid?.() === 0

/** Runs a server program as the `postgres` user when the tests run as root (initdb and postgres refuse root). */
function run(program: string, args: string[]): Promise<string> {
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, args]
  return new Promise((resolve, reject) => {
    execFile(file, argv, { timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${program} ${args.join(' ')} failed: ${error.message}\n${stdout}\n${stderr}`))
      else resolve(stdout)
    })
  })
}

export async function startPostgres(database = 'microent_test'): Promise<TestPostgres> {
  const bin = binDir()
  const dir = mkdtempSync(join(tmpdir(), 'microent-pg-'))
  const data = join(dir, 'data')
  const log = join(dir, 'server.log')
  let started = false
  const remove = () => rmSync(dir, { recursive: true, force: true })
  try {
    if (asRoot) {
      const ids = await new Promise<string>((resolve, reject) =>
        execFile('id', ['-u', 'postgres'], (e, out) => (e ? reject(new Error(`no "postgres" user to run the server as: ${e.message}`)) : resolve(out))),
      )
      const uid = Number(ids.trim())
      const gid = Number((await new Promise<string>((resolve) => execFile('id', ['-g', 'postgres'], (_e, out) => resolve(out)))).trim())
      chownSync(dir, uid, gid)
    }
    await run(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync'])
    const port = await freePort()
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`
    const start = () =>
      run(join(bin, 'pg_ctl'), ['-D', data, '-o', options, '-l', log, '-w', '-t', '60', 'start']).catch((e: Error) => {
        const tail = existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : ''
        throw new Error(`${e.message}\nserver log:\n${tail}`)
      })
    await start()
    started = true
    const createDatabase = async (name: string) => {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`)
      const admin = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' })
      await admin.connect()
      try {
        await admin.query(`CREATE DATABASE ${name}`)
      } finally {
        await admin.end()
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`
    }
    const url = await createDatabase(database)
    const stop = async () => {
      try {
        await run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop'])
      } finally {
        remove()
      }
    }
    const shutDown = async () => void (await run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']))
    const restart = async () => void (await start())
    return { url, port, database, createDatabase, stop, shutDown, restart }
  } catch (e) {
    if (started) await run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {})
    remove()
    throw new Error(`The test PostgreSQL could not start: ${(e as Error).message}`)
  }
}

/**
 * One server for a test file: started before its tests, stopped after them. Each test (or hook) gets it by calling
 * the function returned, which throws why it could not start, so every test fails with the reason: none is skipped.
 */
export function usePostgres(): () => TestPostgres {
  let server: TestPostgres | undefined
  let failure: Error | undefined
  beforeAll(async () => {
    try {
      server = await startPostgres()
    } catch (e) {
      failure = e as Error
    }
  }, 90_000)
  afterAll(async () => {
    await server?.stop()
  })
  return () => {
    if (failure) throw failure
    if (!server) throw new Error('The test PostgreSQL was not started')
    return server
  }
}
