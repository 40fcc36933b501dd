import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { missingSnapshotFiles, segmentFiles, SNAPSHOT_MANIFEST } from '../../../../src/core/store/segment-files'
import type { RecoveryNotice } from '../../../../src/core/store/recoverable-open'

const clock = { now: () => Date.UTC(2026, 11, 6, 8, 0, 0) }
const tmp = () => mkdtempSync(join(tmpdir(), 'microent-segments-'))
const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, SNAPSHOT_MANIFEST), 'utf8')).files as string[]

describe('segmentFiles', () => {
  it('lists the snapshot files of the folder by name, nothing else', () => {
    const dir = tmp()
    for (const f of ['queue-03.json', 'archive-12.json', 'batches.json', 'settings.json', 'queue-03.json.corrupt-x', SNAPSHOT_MANIFEST]) writeFileSync(join(dir, f), '{}')
    expect(segmentFiles(dir, clock, []).list()).toEqual(['archive-12', 'batches', 'queue-03'])
    expect(segmentFiles(join(dir, 'nope'), clock, []).list()).toEqual([])
  })

  it('adds a file to the manifest once it has been written, not when it is only opened', () => {
    const dir = tmp()
    const segments = segmentFiles(dir, clock, [])
    segments.open('queue-01')
    expect(existsSync(join(dir, SNAPSHOT_MANIFEST))).toBe(false)
    segments.open('queue-01').set('jobs', {})
    segments.open('archive-02').setMany({ jobs: {} })
    expect(manifest(dir)).toEqual(['archive-02', 'queue-01'])
  })

  it('moves a damaged file aside byte for byte, says so, and opens an empty one', () => {
    const dir = tmp()
    writeFileSync(join(dir, 'queue-01.json'), '{"jobs":')
    writeFileSync(join(dir, 'queue-02.json'), '{"jobs":[1]}') // well-formed, wrong shape
    const notices: RecoveryNotice[] = []
    const segments = segmentFiles(dir, clock, notices)
    expect(segments.open('queue-01').all()).toEqual({})
    expect(segments.open('queue-02').all()).toEqual({})
    expect(notices.map((n) => [n.file, n.movedTo])).toEqual([
      [join(dir, 'queue-01.json'), join(dir, 'queue-01.json.corrupt-2026-12-06T08-00-00-000Z')],
      [join(dir, 'queue-02.json'), join(dir, 'queue-02.json.corrupt-2026-12-06T08-00-00-000Z')],
    ])
    expect(notices[1]!.reason).toContain('jobs is not an object')
    expect(readFileSync(notices[0]!.movedTo, 'utf8')).toBe('{"jobs":')
  })

  it('reports a listed file that has gone missing once, and not again at the next start', () => {
    const dir = tmp()
    const first = segmentFiles(dir, clock, [])
    first.open('queue-01').set('jobs', {})
    first.open('archive-05').set('jobs', {})
    rmSync(join(dir, 'archive-05.json'))
    expect(missingSnapshotFiles(dir)).toEqual(['archive-05.json'])
    const notices: RecoveryNotice[] = []
    const again = segmentFiles(dir, clock, notices)
    expect(again.list()).toEqual(['queue-01'])
    again.list()
    expect(notices).toEqual([{ file: join(dir, 'archive-05.json'), movedTo: '', reason: 'missing' }])
    const later: RecoveryNotice[] = []
    segmentFiles(dir, clock, later).list()
    expect(later).toEqual([])
    expect(missingSnapshotFiles(dir)).toEqual([])
  })

  it('lists the files of a folder from before the manifest with the next write', () => {
    const dir = tmp()
    writeFileSync(join(dir, 'queue-07.json'), '{"jobs":{}}')
    const segments = segmentFiles(dir, clock, [])
    segments.list()
    expect(existsSync(join(dir, SNAPSHOT_MANIFEST))).toBe(false)
    segments.open('queue-07').set('jobs', {})
    expect(manifest(dir)).toEqual(['queue-07'])
  })

  it('rebuilds a damaged manifest from the files it knows, keeping the damaged one aside', () => {
    const dir = tmp()
    writeFileSync(join(dir, SNAPSHOT_MANIFEST), '{"files":')
    segmentFiles(dir, clock, []).open('queue-01').set('jobs', {})
    expect(manifest(dir)).toEqual(['queue-01'])
    expect(readdirSync(dir).some((f) => f.startsWith(`${SNAPSHOT_MANIFEST}.corrupt-`))).toBe(true)
  })
})

describe('missingSnapshotFiles', () => {
  it('is empty without a manifest (a new folder, or one from before it)', () => {
    expect(missingSnapshotFiles(tmp())).toEqual([])
  })
})
