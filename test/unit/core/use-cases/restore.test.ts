import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { render } from '../../../../src/shared/messages'
import type { BundleProblem } from '../../../../src/shared/messages/backup'
import { writeBackup } from '../../../../src/core/use-cases/backup'
import { DEFAULT_RESTORE_LIMITS, RestoreError, restoreBackup } from '../../../../src/core/use-cases/restore'
import { verifyChargeRecord } from '../../../../src/core/use-cases/verify-charge-record'
import { declareSize, folderFiles, manifestOf, markSymlink, writeBundle, writeZip } from '../../../helpers/backup-bundle'

const temp = (p: string) => mkdtempSync(join(tmpdir(), p))

/** A small data folder as the app leaves it (the record's content is what the chain head is computed from). */
function source(): string {
  const dir = temp('microent-restore-src-')
  writeFileSync(join(dir, 'charges.jsonl'), '{"at":1,"jobId":"a","keyword":"甲公司","outcome":"accepted"}\n')
  writeFileSync(join(dir, 'archive-41.json'), '{"jobs":{"a":{"keyword":"甲公司"}}}')
  writeFileSync(join(dir, 'settings.json'), '{"requestsPerSecond":2}')
  return dir
}

async function backupOf(dir: string): Promise<string> {
  const out = join(temp('microent-restore-zip-'), 'b.zip')
  await writeBackup({ dataDir: dir, outPath: out, app: { name: 'microent-desk', version: '1.0.0' }, now: () => 0, secrets: [] })
  return out
}

/** A target folder that does not exist yet, in a parent of its own (to see that nothing is left beside it). */
function newTarget(): { parent: string; target: string } {
  const parent = temp('microent-restore-to-')
  return { parent, target: join(parent, 'data') }
}

const FILES = { 'charges.jsonl': 'line\n', 'archive-41.json': '{"jobs":{}}' }
const HEAD = () => verifyChargeRecord(writeFiles(FILES)).head

function writeFiles(files: Record<string, string>): string {
  const dir = temp('microent-restore-files-')
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  return dir
}

async function refusal(bundle: string, target: string): Promise<BundleProblem | null> {
  const err = await restoreBackup({ bundlePath: bundle, dataDir: target }).then(
    () => null,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(RestoreError)
  return (err as RestoreError).problem
}

describe('restoreBackup', () => {
  it('restores every file byte for byte into a new folder, and says the chain head', async () => {
    const dir = source()
    const bundle = await backupOf(dir)
    const { parent, target } = newTarget()
    const r = await restoreBackup({ bundlePath: bundle, dataDir: target })
    expect(r).toMatchObject({ dataDir: target, files: 3, chainHead: verifyChargeRecord(dir).head })
    expect(folderFiles(target)).toEqual(folderFiles(dir))
    expect(readdirSync(parent)).toEqual(['data']) // no temp folder left
  })

  it('creates missing parents, and fills an existing empty folder', async () => {
    const bundle = await backupOf(source())
    const { target } = newTarget()
    await restoreBackup({ bundlePath: bundle, dataDir: join(target, 'a', 'b') })
    expect(readdirSync(join(target, 'a', 'b'))).toHaveLength(3)
    const empty = temp('microent-restore-empty-')
    await restoreBackup({ bundlePath: bundle, dataDir: empty })
    expect(readdirSync(empty).sort()).toEqual(['archive-41.json', 'charges.jsonl', 'settings.json'])
  })

  it('refuses a folder with anything in it, or a file, changing nothing', async () => {
    const bundle = await backupOf(source())
    const used = temp('microent-restore-used-')
    writeFileSync(join(used, 'settings.json'), '{}')
    const err = (await restoreBackup({ bundlePath: bundle, dataDir: used }).catch((e: unknown) => e)) as RestoreError
    expect(err.text).toEqual({ code: 'restore.notEmpty', params: { dir: realpathSync(used), entries: 1 } })
    expect(readdirSync(used)).toEqual(['settings.json'])
    const file = join(used, 'settings.json')
    expect(((await restoreBackup({ bundlePath: bundle, dataDir: file }).catch((e: unknown) => e)) as RestoreError).text.code).toBe('restore.notFolder')
  })

  it('says a missing bundle file as such', async () => {
    const err = (await restoreBackup({ bundlePath: '/nonexistent/b.zip', dataDir: newTarget().target }).catch((e: unknown) => e)) as RestoreError
    expect(err.text).toEqual({ code: 'restore.cannotRead', params: { path: '/nonexistent/b.zip', detail: 'ENOENT' } })
  })
})

describe('restoreBackup refuses a bundle that does not verify, writing nothing', () => {
  const cases: [string, (zip: string) => Promise<void>, BundleProblem][] = [
    ['a changed byte', (z) => writeBundle(z, { ...FILES, 'charges.jsonl': 'lime\n' }, manifestOf(FILES, HEAD())), { kind: 'hash', path: 'charges.jsonl' }],
    ['a file removed', (z) => writeBundle(z, { 'archive-41.json': FILES['archive-41.json'] }, manifestOf(FILES, HEAD())), { kind: 'missing', path: 'charges.jsonl' }],
    ['an extra file', (z) => writeBundle(z, FILES, manifestOf(FILES, HEAD()), [['queue-01.json', '{}']]), { kind: 'unlisted', path: 'queue-01.json' }],
    ['a ../ path', (z) => writeBundle(z, FILES, manifestOf(FILES, HEAD()), [['../evil', 'x']]), { kind: 'unsafe_path', path: '../evil' }],
    ['an absolute path', (z) => writeBundle(z, FILES, manifestOf(FILES, HEAD()), [['/etc/evil', 'x']]), { kind: 'unsafe_path', path: '/etc/evil' }],
    ['a drive letter', (z) => writeBundle(z, FILES, manifestOf(FILES, HEAD()), [['C:evil', 'x']]), { kind: 'unsafe_path', path: 'C:evil' }],
    ['a backslash path', (z) => writeBundle(z, FILES, manifestOf(FILES, HEAD()), [['..\\evil', 'x']]), { kind: 'unsafe_path', path: '..\\evil' }],
    ['a subfolder', (z) => writeBundle(z, FILES, manifestOf(FILES, HEAD()), [['data/queue-01.json', '{}']]), { kind: 'unsafe_path', path: 'data/queue-01.json' }],
    ['a lock file', (z) => writeBundle(z, FILES, manifestOf({ ...FILES, 'microent.lock': '{}' }, HEAD()), [['microent.lock', '{}']]), { kind: 'unsafe_path', path: 'microent.lock' }],
    ['a manifest listing ../', (z) => writeBundle(z, FILES, manifestOf({ ...FILES, '../evil': 'x' }, HEAD())), { kind: 'unsafe_path', path: '../evil' }],
    ['a name twice', (z) => writeZip(z, [...Object.entries(FILES), ['charges.jsonl', 'line\n'], ['manifest.json', JSON.stringify(manifestOf(FILES, HEAD()))]]), { kind: 'duplicate', path: 'charges.jsonl' }],
    ['no manifest', (z) => writeZip(z, Object.entries(FILES)), { kind: 'no_manifest' }],
    ['a manifest that is no JSON', (z) => writeBundle(z, FILES, '{"files": ['), { kind: 'bad_manifest', detail: 'not JSON' }],
    ['a manifest of a newer format', (z) => writeBundle(z, FILES, { ...manifestOf(FILES, HEAD()), version: 2 }), { kind: 'bad_manifest', detail: 'format version 2, this app reads 1' }],
    ['a wrong size in the manifest', (z) => writeBundle(z, FILES, { ...manifestOf(FILES, HEAD()), files: manifestOf({ ...FILES, 'charges.jsonl': 'line!\n' }, '').files }), { kind: 'size', path: 'charges.jsonl', expected: 6, actual: 5 }],
    ['another chain head', (z) => writeBundle(z, FILES, manifestOf(FILES, 'f'.repeat(64))), { kind: 'chain_head', expected: 'f'.repeat(64), actual: HEAD() }],
  ]

  it.each(cases)('%s', async (_name, make, problem) => {
    const zip = join(temp('microent-bad-bundle-'), 'b.zip')
    await make(zip)
    const { parent, target } = newTarget()
    expect(await refusal(zip, target)).toEqual(problem)
    expect(readdirSync(parent)).toEqual([])
    // Each problem reads as a sentence in both languages, naming what is wrong.
    const text = { code: 'restore.refused', params: { path: zip, problem } }
    for (const lang of ['zh-CN', 'en'] as const) expect(render(text, lang)).not.toBe('restore.refused')
    if ('path' in problem) expect(render(text, 'en')).toContain(problem.path)
  })

  it('a symbolic link entry', async () => {
    const zip = join(temp('microent-bad-bundle-'), 'b.zip')
    await writeBundle(zip, FILES, manifestOf(FILES, HEAD()))
    markSymlink(zip, 'charges.jsonl')
    expect(await refusal(zip, newTarget().target)).toEqual({ kind: 'symlink', path: 'charges.jsonl' })
  })

  it('an entry that inflates beyond its declared size is cut off', async () => {
    const zip = join(temp('microent-bad-bundle-'), 'b.zip')
    const big = { ...FILES, 'journal.jsonl': 'x'.repeat(100_000) }
    const lying = manifestOf(big, HEAD())
    lying.files = lying.files.map((f) => (f.path === 'journal.jsonl' ? { ...f, size: 10 } : f))
    await writeBundle(zip, big, lying)
    declareSize(zip, 'journal.jsonl', 10)
    expect(await refusal(zip, newTarget().target)).toMatchObject({ kind: 'unreadable', detail: expect.stringContaining('journal.jsonl') })
  })

  it('a damaged zip, no zip at all, and one beyond the limits', async () => {
    const dir = temp('microent-bad-bundle-')
    const good = join(dir, 'good.zip')
    await writeBundle(good, FILES, manifestOf(FILES, HEAD()))
    const bytes = readFileSync(good)
    const damaged = join(dir, 'damaged.zip')
    writeFileSync(damaged, bytes.subarray(0, bytes.length - 30))
    expect(await refusal(damaged, newTarget().target)).toMatchObject({ kind: 'unreadable' })
    const text = join(dir, 'text.zip')
    writeFileSync(text, 'not a zip at all')
    expect(await refusal(text, newTarget().target)).toMatchObject({ kind: 'unreadable' })
    const limited = (limits: Partial<typeof DEFAULT_RESTORE_LIMITS>) =>
      restoreBackup({ bundlePath: good, dataDir: newTarget().target, limits: { ...DEFAULT_RESTORE_LIMITS, ...limits } }).catch((e: RestoreError) => e.problem)
    expect(await limited({ maxEntries: 2 })).toMatchObject({ kind: 'too_large' })
    expect(await limited({ maxTotalBytes: 10 })).toMatchObject({ kind: 'too_large' })
    expect(await limited({ maxBundleBytes: 100 })).toMatchObject({ kind: 'too_large' })
  })

  it('an encrypted entry', async () => {
    const zip = join(temp('microent-bad-bundle-'), 'b.zip')
    await writeBundle(zip, FILES, manifestOf(FILES, HEAD()))
    const buf = readFileSync(zip)
    // The encryption flag (bit 0) on every central record.
    for (let at = buf.indexOf('PK\u0001\u0002'); at >= 0; at = buf.indexOf('PK\u0001\u0002', at + 1)) buf.writeUInt16LE(buf.readUInt16LE(at + 8) | 1, at + 8)
    writeFileSync(zip, buf)
    expect(await refusal(zip, newTarget().target)).toEqual({ kind: 'encrypted' })
  })

  it('leaves an empty target folder empty', async () => {
    const zip = join(temp('microent-bad-bundle-'), 'b.zip')
    await writeBundle(zip, { ...FILES, 'charges.jsonl': 'lime\n' }, manifestOf(FILES, HEAD()))
    const parent = temp('microent-restore-to-')
    mkdirSync(join(parent, 'data'))
    await refusal(zip, join(parent, 'data'))
    expect(readdirSync(parent)).toEqual(['data'])
    expect(readdirSync(join(parent, 'data'))).toEqual([])
  })
})

describe('restoreBackup into a link to an empty folder', () => {
  it('fills the folder the link names, and keeps the link', async () => {
    const bundle = await backupOf(source())
    const parent = temp('microent-restore-link-')
    mkdirSync(join(parent, 'real'))
    symlinkSync(join(parent, 'real'), join(parent, 'data'))
    const r = await restoreBackup({ bundlePath: bundle, dataDir: join(parent, 'data') })
    expect(r.dataDir).toBe(realpathSync(join(parent, 'real')))
    expect(lstatSync(join(parent, 'data')).isSymbolicLink()).toBe(true)
    expect(readdirSync(join(parent, 'data'))).toHaveLength(3)
  })
})

describe('restoreBackup after a restore that was killed', () => {
  it('removes the temp folder a dead process left beside the target, not one a live process is writing', async () => {
    const bundle = await backupOf(source())
    const { parent, target } = newTarget()
    const dead = join(parent, '.data.restore-999999999-0123abcd')
    const live = join(parent, `.data.restore-${process.pid}-0123abcd`)
    for (const d of [dead, live]) {
      mkdirSync(d)
      writeFileSync(join(d, 'charges.jsonl'), 'half')
    }
    await restoreBackup({ bundlePath: bundle, dataDir: target })
    expect(readdirSync(parent).sort()).toEqual([live, target].map((p) => p.slice(parent.length + 1)).sort())
  })
})
