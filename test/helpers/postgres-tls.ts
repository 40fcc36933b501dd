/**
 * TLS for the throwaway PostgreSQL of test/helpers/postgres.ts, switched on while it runs (ssl is reloadable): a
 * self-signed certificate made with the `openssl` program for the given names, the server told to use it through
 * ALTER SYSTEM + pg_reload_conf(). And a plain TCP relay, so that the server (which listens on 127.0.0.1 only) can
 * be reached through another address of this computer, one the TLS rule counts as another computer.
 */
import { execFileSync } from 'node:child_process'
import { chmodSync, chownSync, mkdtempSync, readFileSync } from 'node:fs'
import { createConnection, createServer, type Server, type Socket } from 'node:net'
import { networkInterfaces, tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'

/** Makes a self-signed certificate for `names` (DNS names or IP addresses); returns the files' paths. */
export function selfSignedCertificate(names: string[]): { cert: string; key: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'microent-cert-'))
  const cert = join(dir, 'server.crt')
  const key = join(dir, 'server.key')
  const san = names.map((n) => (/^[\d.]+$|:/.test(n) ? `IP:${n}` : `DNS:${n}`)).join(',')
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-keyout', key, '-out', cert,
    '-subj', `/CN=${names[0] ?? 'test'}`, '-addext', `subjectAltName=${san}`, '-addext', 'basicConstraints=critical,CA:TRUE',
  ], { stdio: 'pipe' })
  return { cert, key, dir }
}

/** Switches TLS on in the running test server with this certificate (the server runs as `postgres` under root). */
export async function enableServerTls(adminUrl: string, files: { cert: string; key: string; dir: string }): Promise<void> {
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim())
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim())
    for (const p of [files.dir, files.cert, files.key]) chownSync(p, uid, gid)
  }
  // The server refuses a key others can read.
  chmodSync(files.key, 0o600)
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  try {
    await admin.query(`ALTER SYSTEM SET ssl_cert_file = '${files.cert}'`)
    await admin.query(`ALTER SYSTEM SET ssl_key_file = '${files.key}'`)
    await admin.query('ALTER SYSTEM SET ssl = on')
    await admin.query('SELECT pg_reload_conf()')
  } finally {
    await admin.end()
  }
  // The reload is asynchronous: wait until a new connection is offered TLS.
  for (let i = 0; i < 100; i++) {
    const c = new pg.Client({ connectionString: adminUrl, ssl: { rejectUnauthorized: false } })
    const ok = await c.connect().then(() => true, () => false)
    await c.end().catch(() => {})
    if (ok) return
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`the test server did not start offering TLS with ${files.cert}:\n${readFileSync(files.cert, 'utf8').slice(0, 80)}`)
}

/** An IPv4 address of this computer that is not a loopback one, or a reason why there is none. */
export function outsideAddress(): string {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address
  }
  throw new Error('this computer has no IPv4 address other than its loopback one: the test needs one')
}

/** Relays TCP from address:<free port> to 127.0.0.1:port, byte for byte. */
export async function relay(address: string, port: number): Promise<{ port: number; close(): Promise<void> }> {
  const open = new Set<Socket>()
  const server: Server = createServer((inbound) => {
    const outbound = createConnection({ host: '127.0.0.1', port })
    for (const s of [inbound, outbound]) {
      open.add(s)
      s.on('close', () => open.delete(s))
    }
    inbound.pipe(outbound).pipe(inbound)
    inbound.on('error', () => outbound.destroy())
    outbound.on('error', () => inbound.destroy())
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, address, () => resolve())
  })
  const a = server.address()
  return {
    port: typeof a === 'object' && a ? a.port : 0,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        for (const s of open) s.destroy()
      }),
  }
}
