import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EXIT } from '../../../../src/cli/io'
import { openNodeHost } from '../../../../src/core/node-host'
import type { Simulator } from '../../../../src/sim/types'
import { cli, listed, simEnv } from '../cli-harness'

let sim: Simulator
let envFor: (extra?: NodeJS.ProcessEnv) => NodeJS.ProcessEnv
beforeAll(async () => {
  ;({ sim, env: envFor } = await simEnv())
})
afterAll(() => sim?.close())

describe('resume', () => {
  it('says nothing was held in a free folder', async () => {
    const r = await cli(['resume', '--lang', 'en'], envFor())
    expect(r.code).toBe(EXIT.OK)
    expect(r.err).toContain('Nothing was held')
  })

  it('lifts a kept quota hold so the next run charges again', async () => {
    const env = envFor()
    const dir = env.MICROENT_DATA_DIR!
    await cli(['submit', '--yes', '额度恢复测试甲科技有限公司'], env)
    sim.injectFault('query', { type: 'code', code: 10012 }, 1)
    const held = await cli(['run', '--until-done', '--max-wait', '30'], env)
    expect(held.code).toBe(EXIT.FAILURE)
    expect(existsSync(join(dir, 'holds.json'))).toBe(true)

    const r = await cli(['resume'], env)
    expect(r.code).toBe(EXIT.OK)
    expect(r.err).toContain('10012')
    expect(existsSync(join(dir, 'holds.json'))).toBe(false)
    expect((await cli(['run', '--until-done', '--max-wait', '30'], env)).code).toBe(EXIT.OK)
    expect((await listed(env)).map((l) => l.status)).not.toContain('queued')
  })

  it('lifts a quota hold written before the catalogue, saying its own words in the CLI\'s language', async () => {
    const env = envFor()
    const dir = env.MICROENT_DATA_DIR!
    await cli(['submit', '--yes', '旧暂停测试甲科技有限公司'], env)
    const quota = { code: 'JUHE_10012', zh: '请求次数已用完（旧记录）', en: 'The quota is used up (old record)', since: 0 }
    writeFileSync(join(dir, 'holds.json'), JSON.stringify({ quota }))
    const r = await cli(['resume', '--lang', 'en'], env)
    expect(r.code).toBe(EXIT.OK)
    expect(r.err).toContain('Lifted the hold (JUHE_10012): The quota is used up (old record). The next run makes charged calls again')
    expect(r.err).not.toContain('旧记录')
    writeFileSync(join(dir, 'holds.json'), JSON.stringify({ quota }))
    expect((await cli(['resume'], env)).err).toContain('已解除暂停（JUHE_10012）：请求次数已用完（旧记录）。')
    expect(existsSync(join(dir, 'holds.json'))).toBe(false)
  })

  it('reaches the process holding the folder, which answers', async () => {
    const env = envFor()
    const host = openNodeHost({ dataDir: env.MICROENT_DATA_DIR!, app: 'unit test app', key: () => 'test-key', baseUrl: sim.url, timeScale: 0.001 })
    try {
      host.services.start()
      const r = await cli(['resume'], env)
      expect(r.code).toBe(EXIT.OK)
      expect(r.err).toContain('unit test app')
      expect(r.err).toContain(String(process.pid))
    } finally {
      await host.close()
    }
  })

  it('says plainly that nothing was held when the process holding the folder had nothing paused or held', async () => {
    const env = envFor()
    const dir = env.MICROENT_DATA_DIR!
    const host = openNodeHost({ dataDir: dir, app: 'unit test app', key: () => 'test-key', baseUrl: sim.url, timeScale: 0.001 })
    try {
      host.services.start()
      const r = await cli(['resume', '--lang', 'en'], env)
      expect(r.code).toBe(EXIT.OK)
      expect(r.err).toBe(`Nothing was held: unit test app (pid ${process.pid}), which holds the data folder, was not paused and goes on as usual`)
      expect(r.err).not.toContain('resume;')
      const zh = await cli(['resume'], env)
      expect(zh.err).toBe(`正在使用数据目录的 unit test app（进程 ${process.pid}）没有等待处理的暂停：无需继续，照常查询`)
      expect(existsSync(join(dir, 'resume.request'))).toBe(false)
    } finally {
      await host.close()
    }
  })

  it('says the holder resumed when it had a quota hold, and removes the answered request', async () => {
    const env = envFor()
    const dir = env.MICROENT_DATA_DIR!
    writeFileSync(join(dir, 'holds.json'), JSON.stringify({ quota: { code: 'JUHE_10012', zh: '请求次数已用完', en: 'The quota is used up', since: 0 } }))
    const host = openNodeHost({ dataDir: dir, app: 'unit test app', key: () => 'test-key', baseUrl: sim.url, timeScale: 0.001 })
    try {
      host.services.start()
      expect(host.services.engine.state().submitHold?.reason).toBe('quota')
      const r = await cli(['resume', '--lang', 'en'], env)
      expect(r.code).toBe(EXIT.OK)
      expect(r.err).toBe(`Asked unit test app (pid ${process.pid}), which holds the data folder, to resume; it did`)
      expect(host.services.engine.state().submitHold).toBeNull()
      expect(existsSync(join(dir, 'resume.request'))).toBe(false)
    } finally {
      await host.close()
    }
  })

  it('says so when the process holding the folder does not answer (exit 1), in the CLI\'s language', async () => {
    const env = envFor()
    // Opened but not started: nothing takes the request.
    const host = openNodeHost({ dataDir: env.MICROENT_DATA_DIR!, app: 'unit test app', key: () => 'test-key', baseUrl: sim.url, timeScale: 0.001 })
    try {
      const r = await cli(['resume', '--lang', 'en'], env)
      expect(r.code).toBe(EXIT.FAILURE)
      expect(r.err).toBe(`unit test app (pid ${process.pid}) holds the data folder but did not answer; resume there, or end it and run microent resume again`)
    } finally {
      await host.close()
    }
  }, 15_000)

  it('refuses a named folder that does not exist', async () => {
    expect((await cli(['resume'], envFor({ MICROENT_DATA_DIR: join(envFor().MICROENT_DATA_DIR!, 'gone') }))).code).toBe(EXIT.FAILURE)
  })
})
