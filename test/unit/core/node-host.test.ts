/**
 * openNodeHost: the core over a data folder, as the CLI, the browser host and the app open it. The folder's lock,
 * damaged files set aside, what a start keeps, the resume request of another process, and a clean close.
 */
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openNodeHost, type NodeHost, type NodeHostOptions } from '../../../src/core/node-host'
import { DataLockedError } from '../../../src/core/store/data-lock'
import { requestResume, resumeAnswer } from '../../../src/core/store/resume-request'
import { until } from '../../helpers/until'

const opened: NodeHost[] = []
afterEach(async () => {
  await Promise.all(opened.splice(0).map((h) => h.close()))
})

const noHttp = { request: () => Promise.reject(new Error('no http in this test')) }
function open(dataDir: string, over: Partial<NodeHostOptions> = {}): NodeHost {
  const host = openNodeHost({ dataDir, app: 'node-host test', key: () => null, http: noHttp, ...over })
  opened.push(host)
  return host
}

describe('openNodeHost', () => {
  it('makes the data folder, takes its lock, and frees it on close (twice is fine)', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'microent-host-')), 'data', 'nested')
    const host = open(dir)
    expect(existsSync(join(dir, 'microent.lock'))).toBe(true)
    expect(() => openNodeHost({ dataDir: dir, app: 'second', key: () => null, http: noHttp })).toThrow(DataLockedError)
    await host.close()
    await host.close()
    expect(existsSync(join(dir, 'microent.lock'))).toBe(false)
    open(dir) // free again
  })

  it('keeps what it writes in the folder across opens', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-host-'))
    const first = open(dir)
    const { jobs } = await first.services.lookups.submit({ inputs: [{ text: '甲科技有限公司' }] })
    await first.close()
    const again = open(dir)
    expect(again.services.reads.get(jobs[0]!.id)?.normalized).toBe('甲科技有限公司')
  })

  it('sets a damaged snapshot file aside, says so, and holds charged calls once started', () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-host-'))
    writeFileSync(join(dir, 'queue-01.json'), '{"jobs":')
    const host = open(dir)
    expect(host.notices.map((n) => n.file)).toEqual([join(dir, 'queue-01.json')])
    expect(readdirSync(dir).some((f) => f.startsWith('queue-01.json.corrupt-'))).toBe(true)
    host.services.start()
    expect(host.services.engine.state().submitHold?.reason).toBe('damaged_data')
  })

  it('resumes when another process leaves a resume request, once started', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-host-'))
    const host = open(dir)
    host.services.start()
    host.services.engine.pause()
    expect(host.services.engine.state().status).toBe('paused')
    requestResume(dir, 'microent resume')
    await until(() => host.services.engine.state().status === 'running', 10_000) // looked for every second
    expect(host.services.engine.state().status).toBe('running')
    // It answers in the request what it found (the asker removes the file).
    await until(() => resumeAnswer(join(dir, 'resume.request')) !== null, 10_000)
    expect(resumeAnswer(join(dir, 'resume.request'))).toEqual({ held: true })
    // Asked again with nothing paused or held: it says so.
    requestResume(dir, 'microent resume')
    await until(() => resumeAnswer(join(dir, 'resume.request')) !== null, 10_000)
    expect(resumeAnswer(join(dir, 'resume.request'))).toEqual({ held: false })
  })

  it('reads its settings from the folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-host-'))
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ dailyCap: 40 }))
    expect(open(dir).settings.get().dailyCap).toBe(40)
  })
})
