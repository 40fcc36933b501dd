import { describe, expect, it } from 'vitest'
import { isDataFileName, isSafeBundlePath, parseManifest, portableSettings } from '../../../../src/core/store/backup-bundle'

describe('isDataFileName', () => {
  it('names the files of the data folder, and what a start set aside', () => {
    for (const name of [
      'journal.jsonl',
      'journal.jsonl.compacting',
      'queue-00.json',
      'archive-63.json',
      'snapshot-files.json',
      'batches.json',
      'charges.jsonl',
      'charges.meta.json',
      'holds.json',
      'settings.json',
      'batch-rows-5d0c1a52-8d5e-4b8e-9a43-0f6f3c2b1e77.json',
      'recovery-report-2026-12-06T14-05-00-000Z.json',
      'archive-07.json.corrupt-2026-12-06T14-05-00-000Z',
      'charges.jsonl.corrupt-2026-12-06T14-05-00-000Z',
    ])
      expect(isDataFileName(name), name).toBe(true)
  })

  it('not the lock, a resume request, temp files, or anything else', () => {
    for (const name of ['microent.lock', 'resume.request', 'settings.json.tmp-1234567890abcdef', 'charges.meta.json.tmp', 'journal.jsonl.compacting.tmp', '.b.zip.1-ab.tmp', 'queue-1.json', 'notes.txt', 'backup.zip'])
      expect(isDataFileName(name), name).toBe(false)
  })
})

describe('isSafeBundlePath', () => {
  it('takes plain file names only', () => {
    expect(isSafeBundlePath('charges.jsonl')).toBe(true)
    expect(isSafeBundlePath('future-file_2.json')).toBe(true)
    for (const name of ['', '..', '../evil', '/etc/passwd', 'C:evil', 'c:\\evil', '..\\evil', 'a/b', '.hidden', 'a:b', 'NUL', 'con.json', 'microent.lock', 'resume.request', 'manifest.json', 'x\u0000y', '名单.json', 'a'.repeat(201)])
      expect(isSafeBundlePath(name), JSON.stringify(name)).toBe(false)
  })
})

describe('parseManifest', () => {
  const good = { format: 'microent-desk-backup', version: 1, app: { name: 'microent-desk', version: '1' }, createdAt: 'x', chainHead: 'h', chainIntact: true, files: [{ path: 'a', size: 1, sha256: 'a'.repeat(64) }] }
  const parse = (v: unknown) => parseManifest(Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)))

  it('reads the manifest a backup writes', () => {
    expect(parse(good)).toEqual({ ok: true, manifest: good })
  })

  it('says why another one cannot be used', () => {
    expect(parse('{')).toEqual({ ok: false, detail: 'not JSON' })
    expect(parse({ ...good, format: 'zip' })).toMatchObject({ ok: false, detail: expect.stringContaining('format') })
    expect(parse({ ...good, files: [{ path: 'a', size: -1, sha256: 'a'.repeat(64) }] })).toMatchObject({ ok: false, detail: expect.stringContaining('files.0.size') })
    expect(parse({ ...good, files: [{ path: 'a', size: 1, sha256: 'XYZ' }] })).toMatchObject({ ok: false, detail: expect.stringContaining('sha256') })
    expect(parse({ ...good, version: 2 })).toEqual({ ok: false, detail: 'format version 2, this app reads 1' })
  })
})

describe('portableSettings', () => {
  it('keeps settings as they are when there is nothing to leave out', () => {
    const bytes = Buffer.from('{\n\t"theme": "dark"\n}')
    expect(portableSettings(bytes)).toBe(bytes)
    const garbage = Buffer.from('not json')
    expect(portableSettings(garbage)).toBe(garbage)
  })

  it('leaves out fields named like a key, at any depth, and masks a URL’s user and password', () => {
    const raw = { theme: 'dark', apiKey: 'k', API_KEY: 'k', secret: 's', accessToken: 't', password: 'p', keyword: 'stays', deep: [{ juheKey: 'k', ok: 1 }], baseUrl: 'https://me:pw@proxy.example/x' }
    expect(JSON.parse(portableSettings(Buffer.from(JSON.stringify(raw))).toString('utf8'))).toEqual({
      theme: 'dark',
      keyword: 'stays',
      deep: [{ ok: 1 }],
      baseUrl: 'https://***@proxy.example/x',
    })
  })
})
