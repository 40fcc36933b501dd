/**
 * `microent backup` / `microent restore` as a user moves to another machine: a folder with real charged lookups
 * (against the simulator) is backed up, restored into an empty folder, and there `doctor` finds it healthy, `list`
 * shows the same lookups and `audit verify` the same intact chain. A tampered bundle is refused, writing nothing;
 * so is a restore into a folder that has data, and a backup while a `run` holds the folder.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator } from '../../src/sim/server'
import type { Simulator } from '../../src/sim/types'
import { folderFiles, manifestOf, unzipped, writeBundle, type ManifestLike } from '../helpers/backup-bundle'
import { runCli } from '../helpers/cli'

let sim: Simulator
let dir: string
let env: Record<string, string>
let bundle: string
let backup: { file: string; files: number; bytes: number; chainHead: string }

/** Long enough to be looked for in the bundle (a backup ignores keys shorter than 8 characters). */
const KEY = 'integration-test-key-0123456789'
const temp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix))
const envFor = (dataDir: string) => ({ MICROENT_DATA_DIR: dataDir, MICROENT_TIME_SCALE: '0.001', LANG: 'en_US.UTF-8' })

beforeAll(async () => {
  sim = await startSimulator({ timeScale: 0.001, completion: { type: 'fixed', ms: 30_000 }, seed: 'backup', keys: { [KEY]: 'ok' } })
  dir = temp('microent-backup-it-')
  writeFileSync(join(dir, 'settings.json'), JSON.stringify({ submitIntervalMs: 0, requestsPerSecond: 40, pricePerCall: 0.5 }))
  env = { MICROENT_DATA_DIR: dir, JUHE_KEY: KEY, JUHE_BASE_URL: sim.url, MICROENT_TIME_SCALE: '0.001' }
  const submit = await runCli(['submit', '--yes', '--batch', '客户名单', '备份测试甲科技有限公司', '备份测试乙科技有限公司', '备份测试丙科技有限公司'], env)
  expect(submit.code, submit.stderr).toBe(0)
  const run = await runCli(['run', '--until-done', '--max-wait', '20'], env)
  expect(run.code, run.stderr).toBe(0)
  bundle = join(temp('microent-backup-zip-'), 'move.zip')
  const b = await runCli(['backup', bundle, '--json'], env)
  expect(b.code, b.stderr).toBe(0)
  backup = JSON.parse(b.stdout)
}, 60_000)
afterAll(async () => sim?.close())

/** The files of the bundle made in beforeAll, and its manifest: the material for a tampered copy. */
function parts(): { files: Record<string, Buffer>; manifest: ManifestLike } {
  const entries = unzipped(bundle)
  const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as ManifestLike
  entries.delete('manifest.json')
  return { files: Object.fromEntries(entries), manifest }
}

async function refusedIntoNew(zip: string, says: RegExp): Promise<void> {
  const parent = temp('microent-restore-it-')
  const r = await runCli(['restore', zip], envFor(join(parent, 'data')))
  expect(r.code, r.stderr).toBe(1)
  expect(r.stderr).toMatch(says)
  expect(readdirSync(parent)).toEqual([])
}

describe('microent backup / restore', () => {
  it('backup -> restore into an empty folder: doctor healthy, the same list, the same intact chain', async () => {
    expect(backup).toMatchObject({ file: bundle, bytes: readFileSync(bundle).length })
    const entries = unzipped(bundle)
    expect([...entries.keys()]).toEqual(expect.arrayContaining(['charges.jsonl', 'charges.meta.json', 'batches.json', 'settings.json', 'snapshot-files.json', 'manifest.json']))
    // Every file the app wrote (the batch's too), nothing else: the lock is gone once the backup ends.
    expect([...entries.keys()].sort()).toEqual([...readdirSync(dir), 'manifest.json'].sort())
    for (const data of entries.values()) expect(data.includes(env.JUHE_KEY!)).toBe(false)

    const target = temp('microent-restore-it-') // exists, empty
    const restore = await runCli(['restore', bundle, '--json'], envFor(target))
    expect(restore.code, restore.stderr).toBe(0)
    expect(JSON.parse(restore.stdout)).toEqual({ dataDir: realpathSync(target), files: backup.files, chainHead: backup.chainHead, desk: null })

    const doctor = await runCli(['doctor', '--json'], envFor(target))
    expect(doctor.code, doctor.stdout).toBe(0)
    expect(JSON.parse(doctor.stdout)).toMatchObject({ healthy: true, findings: [] })
    const listed = await runCli(['list', '--json'], envFor(target))
    expect(listed.code).toBe(0)
    const original = await runCli(['list', '--json'], env)
    expect(JSON.parse(listed.stdout)).toHaveLength(3)
    expect(listed.stdout).toBe(original.stdout)
    const verify = await runCli(['audit', 'verify', '--json'], envFor(target))
    expect(verify.code).toBe(0)
    expect(JSON.parse(verify.stdout)).toMatchObject({ intact: true, head: backup.chainHead })
    // The settings came along (the key did not), and the record byte for byte.
    expect((await runCli(['config', 'get', 'pricePerCall'], envFor(target))).stdout.trim()).toBe('0.5')
    expect(folderFiles(target).get('charges.jsonl')).toEqual(readFileSync(join(dir, 'charges.jsonl')))
  })

  it('refuses a restore into a folder with data, changing nothing', async () => {
    const before = folderFiles(dir)
    const r = await runCli(['restore', bundle], envFor(dir))
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('is not empty')
    expect(folderFiles(dir)).toEqual(before)
  })

  it('refuses a bundle with one byte of charges.jsonl changed', async () => {
    const { files, manifest } = parts()
    const record = Buffer.from(files['charges.jsonl']!)
    record[10] = record[10] === 0x30 ? 0x31 : 0x30
    const zip = join(temp('microent-tampered-'), 'b.zip')
    await writeBundle(zip, { ...files, 'charges.jsonl': record }, manifest)
    await refusedIntoNew(zip, /does not verify, so nothing was written: charges\.jsonl does not match its SHA-256/)
  })

  it('refuses a bundle with a byte of the zip itself changed', async () => {
    const bytes = readFileSync(bundle)
    const at = bytes.indexOf('charges.jsonl') + 'charges.jsonl'.length + 5 // inside the record's compressed data
    bytes[at] = bytes[at]! ^ 0xff
    const zip = join(temp('microent-tampered-'), 'b.zip')
    writeFileSync(zip, bytes)
    await refusedIntoNew(zip, /does not verify, so nothing was written/)
  })

  it('refuses a bundle with a file removed', async () => {
    const { files, manifest } = parts()
    delete files['batches.json']
    const zip = join(temp('microent-tampered-'), 'b.zip')
    await writeBundle(zip, files, manifest)
    await refusedIntoNew(zip, /batches\.json, listed in the manifest, is not in the bundle/)
  })

  it('refuses a bundle with an extra file', async () => {
    const { files, manifest } = parts()
    // A queue segment the folder does not have: lookups fall into segments by their random ids, so a fixed one may be there.
    let n = 0
    while (`queue-${String(n).padStart(2, '0')}.json` in files) n++
    const extra = `queue-${String(n).padStart(2, '0')}.json`
    const zip = join(temp('microent-tampered-'), 'b.zip')
    await writeBundle(zip, files, manifest, [[extra, '{"jobs":{}}']])
    await refusedIntoNew(zip, new RegExp(`${extra.replace('.', '\\.')} is not in the manifest`))
  })

  it('refuses a bundle with a ../evil path, even one its manifest lists', async () => {
    const { files } = parts()
    const zip = join(temp('microent-tampered-'), 'b.zip')
    const withEvil = { ...files, '../evil': Buffer.from('#!/bin/sh\n') }
    await writeBundle(zip, withEvil, manifestOf(withEvil, backup.chainHead))
    await refusedIntoNew(zip, /the entry "\.\.\/evil" is no plain file name/)
    expect(existsSync(join(tmpdir(), 'evil'))).toBe(false)
  })

  it('refuses a backup while a `run` holds the folder (exit 1)', async () => {
    // `run` without --until-done polls until stopped: it holds the folder until it is interrupted.
    let done = false
    const running = runCli(['run', '--max-wait', '30'], env, { interruptWhen: () => done })
    for (let i = 0; i < 200 && !existsSync(join(dir, 'microent.lock')); i++) await new Promise((r) => setTimeout(r, 50))
    const out = join(temp('microent-backup-zip-'), 'locked.zip')
    const r = await runCli(['backup', out, '--lang', 'en'], env)
    done = true
    await running
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('close the app or stop the running `run`')
    expect(existsSync(out)).toBe(false)
  })
})
