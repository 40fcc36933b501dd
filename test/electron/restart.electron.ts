// The CLI crash test's promise in the real app: kill it mid-batch, start it again, and nothing is lost or charged
// twice.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { sampleKeywords } from '../../src/sim/dataset'
import type { Simulator } from '../../src/sim/types'
import { countStatus, freshFolders, launch, screenshotOnFailure, setKeyThroughUi, startSim, submitThroughUi, type Folders, type Launched } from './helpers/app'
import { killApp } from './helpers/process'

let sim: Simulator
let folders: Folders
let app: Launched

beforeAll(async () => {
  // About 4 s a lookup: the kill lands while every lookup of the batch is still running.
  sim = await startSim({ completion: { type: 'fixed', ms: 200_000 } })
  folders = freshFolders(sim)
  app = await launch(folders)
  await setKeyThroughUi(app.page)
})
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await screenshotOnFailure(app?.page, `restart-${ctx.task.name}`)
})
afterAll(async () => {
  await app?.app.close().catch(() => undefined)
  await sim?.close()
})

describe('killed mid-batch', () => {
  it('comes back with every lookup, which then finish without a second charge', async () => {
    const s = sampleKeywords(sim.dataset, 6)
    const names = [...s.knownNames, ...s.unknownNames.slice(0, 2)]
    await submitThroughUi(app.page, names)
    await expect.poll(() => countStatus(app.page, 'polling'), { timeout: 20_000 }).toBe(names.length)
    expect(sim.stats().charged).toBe(names.length)

    await killApp(app.app)

    app = await launch(folders)
    await expect.poll(() => app.page.locator('.job-table .jt-body .jt-row').count(), { timeout: 20_000 }).toBe(names.length)
    await expect.poll(() => countStatus(app.page, 'done'), { timeout: 60_000 }).toBe(s.knownNames.length)
    await expect.poll(() => countStatus(app.page, 'no_result'), { timeout: 30_000 }).toBe(2)
    expect(sim.stats().charged).toBe(names.length)
    expect(await countStatus(app.page, 'uncertain')).toBe(0)
  })
})
