import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { acquireDataLock, DataLockedError } from '../../../../src/core/store/data-lock'
import { BackupError, dataFiles, writeBackup, type BackupDeps } from '../../../../src/core/use-cases/backup'
import { verifyChargeRecord } from '../../../../src/core/use-cases/verify-charge-record'
import { sha256, unzipped } from '../../../helpers/backup-bundle'

const KEY = 'juhe-key-0123456789abcdef0123456789'
const NOW = Date.UTC(2026, 11, 6, 14, 5, 0)

/** A data folder with one of each kind of file the app writes, and what it must leave out. */
function dataFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'microent-backup-'))
  const files: Record<string, string> = {
    'journal.jsonl': '{"op":"put"}\n',
    'journal.jsonl.compacting': '{"op":"put"}\n',
    'queue-03.json': '{"jobs":{}}',
    'archive-41.json': '{"jobs":{"a":{"keyword":"甲公司"}}}',
    'snapshot-files.json': '{"files":["queue-03","archive-41"]}',
    'batches.json': '{"batches":{}}',
    'charges.jsonl': '{"at":1,"jobId":"a","keyword":"甲公司","outcome":"accepted"}\n',
    'charges.meta.json': '{"lines":1}',
    'holds.json': '{"quota":null}',
    'settings.json': '{"requestsPerSecond":2}',
    'recovery-report-2026-12-06T14-05-00-000Z.json': '{"lost":[]}',
    'archive-07.json.corrupt-2026-12-06T14-05-00-000Z': 'garbage',
    'charges.jsonl.corrupt-2026-12-06T14-05-00-000Z': 'old record',
    // Not data (the lock, microent.lock, is there while the copy is taken): a request to a running process, temp
    // files of interrupted writes, someone else's file.
    'resume.request': '{}',
    'settings.json.tmp-1234567890abcdef': '{}',
    'charges.meta.json.tmp': '{}',
    '.out.zip.123-abcd.tmp': '',
    'notes.txt': 'mine',
  }
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  mkdirSync(join(dir, 'sub'))
  symlinkSync(join(dir, 'batches.json'), join(dir, 'link.json'))
  return dir
}

const DATA = [
  'archive-07.json.corrupt-2026-12-06T14-05-00-000Z',
  'archive-41.json',
  'batches.json',
  'charges.jsonl',
  'charges.jsonl.corrupt-2026-12-06T14-05-00-000Z',
  'charges.meta.json',
  'holds.json',
  'journal.jsonl',
  'journal.jsonl.compacting',
  'queue-03.json',
  'recovery-report-2026-12-06T14-05-00-000Z.json',
  'settings.json',
  'snapshot-files.json',
]

function deps(dataDir: string, extra: Partial<BackupDeps> = {}): BackupDeps {
  const out = join(mkdtempSync(join(tmpdir(), 'microent-backup-out-')), 'backup.zip')
  return { dataDir, outPath: out, app: { name: 'microent-desk', version: '9.9.9' }, now: () => NOW, secrets: [KEY], ...extra }
}

describe('dataFiles', () => {
  it('takes the data files and leaves out the lock, requests, temp files, folders, links and strangers', () => {
    const dir = dataFolder()
    writeFileSync(join(dir, 'microent.lock'), '{}')
    expect(dataFiles(dir)).toEqual(DATA)
  })
})

describe('writeBackup', () => {
  it('writes every data file and a manifest with each one’s size and SHA-256, the version, the time and the chain head', async () => {
    const dir = dataFolder()
    const d = deps(dir)
    const r = await writeBackup(d)
    const zip = unzipped(d.outPath)
    expect([...zip.keys()]).toEqual([...DATA, 'manifest.json'])
    const manifest = JSON.parse(zip.get('manifest.json')!.toString('utf8'))
    expect(manifest).toMatchObject({
      format: 'microent-desk-backup',
      version: 1,
      app: { name: 'microent-desk', version: '9.9.9' },
      createdAt: '2026-12-06T14:05:00.000Z',
      chainHead: verifyChargeRecord(dir).head,
    })
    for (const f of manifest.files) {
      const data = zip.get(f.path)!
      expect(f).toEqual({ path: f.path, size: data.length, sha256: sha256(data) })
    }
    expect(manifest.files.map((f: { path: string }) => f.path)).toEqual(DATA)
    expect(r).toMatchObject({ file: d.outPath, files: DATA.length, chainHead: manifest.chainHead })
    expect(r.bytes).toBeGreaterThan(0)
    // Nothing else beside the bundle (no temp file), and the lock is free again.
    expect(readdirSync(join(d.outPath, '..'))).toEqual(['backup.zip'])
    acquireDataLock(dir, 'test').release()
  })

  it('streams a big file and reads back byte for byte', async () => {
    const dir = dataFolder()
    const big = randomBytes(3 * 1024 * 1024 + 17).toString('base64')
    writeFileSync(join(dir, 'journal.jsonl'), big)
    const d = deps(dir)
    await writeBackup(d)
    expect(unzipped(d.outPath).get('journal.jsonl')!.toString('utf8')).toBe(big)
  })

  it('never carries the key: not its value, not a field named like a key, not a password in a URL', async () => {
    const dir = dataFolder()
    const settings = { requestsPerSecond: 2, apiKey: KEY, juhe_key: 'x', nested: { token: 't', keyword: 'kept' }, baseUrl: 'https://user:pw@proxy.example' }
    writeFileSync(join(dir, 'settings.json'), JSON.stringify(settings))
    const d = deps(dir)
    await writeBackup(d)
    const zip = unzipped(d.outPath)
    const keyish = /"[^"]*(key|secret|token|password)"\s*:/i
    for (const [name, data] of zip) {
      const text = data.toString('utf8')
      expect(text, name).not.toContain(KEY)
      expect(text, name).not.toMatch(keyish)
      expect(text, name).not.toContain('user:pw')
    }
    expect(JSON.parse(zip.get('settings.json')!.toString('utf8'))).toEqual({ requestsPerSecond: 2, nested: { keyword: 'kept' }, baseUrl: 'https://***@proxy.example' })
  })

  it('keeps an untouched settings.json byte for byte', async () => {
    const dir = dataFolder()
    const d = deps(dir)
    await writeBackup(d)
    expect(unzipped(d.outPath).get('settings.json')!.toString('utf8')).toBe('{"requestsPerSecond":2}')
  })

  it('refuses, writing nothing, when a data file holds the key', async () => {
    const dir = dataFolder()
    writeFileSync(join(dir, 'journal.jsonl'), `{"note":"${KEY}"}\n`)
    const d = deps(dir)
    const err = await writeBackup(d).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(BackupError)
    expect((err as BackupError).text).toEqual({ code: 'backup.keyInFile', params: { file: 'journal.jsonl' } })
    expect(readdirSync(join(d.outPath, '..'))).toEqual([])
    acquireDataLock(dir, 'test').release()
  })

  it('a short key is no secret to look for (it would match anything)', async () => {
    const dir = dataFolder()
    await expect(writeBackup(deps(dir, { secrets: ['a', '', 'put'] }))).resolves.toMatchObject({ files: DATA.length })
  })

  it('is refused while another process holds the folder, and writes nothing', async () => {
    const dir = dataFolder()
    const held = acquireDataLock(dir, 'microent desktop')
    try {
      const d = deps(dir)
      await expect(writeBackup(d)).rejects.toBeInstanceOf(DataLockedError)
      expect(existsSync(d.outPath)).toBe(false)
    } finally {
      held.release()
    }
  })

  const refused = (d: BackupDeps): Promise<BackupError> =>
    writeBackup(d).then(
      () => {
        throw new Error('written')
      },
      (e: BackupError) => e,
    )

  it('refuses a missing folder, a bundle inside the folder and an existing file', async () => {
    const missing = await refused(deps(join(tmpdir(), 'microent-no-such-folder-x')))
    expect(missing.text.code).toBe('backup.noData')
    const dir = dataFolder()
    const inside = await refused(deps(dir, { outPath: join(dir, 'b.zip') }))
    expect([inside.text.code, inside.usage]).toEqual(['backup.outInData', true])
    const d = deps(dir)
    writeFileSync(d.outPath, 'older backup')
    const exists = await refused(d)
    expect([exists.text.code, exists.usage]).toEqual(['backup.outExists', true])
  })
})
