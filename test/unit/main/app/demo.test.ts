import { describe, expect, it } from 'vitest'
import { DEMO_KEY, DemoKeyVault, isDemoLaunch, relaunchArgs, startDemoBackend, switchDemo } from '../../../../src/main/app/demo'
import { createJuheClient } from '../../../../src/core/juhe/client'
import { createNodeHttp } from '../../../../src/core/http/node-http'
import { ApiFailure } from '../../../../src/main/api/failure'
import { enOf, zhOf } from '../../../helpers/said'

describe('demo mode', () => {
  it('is chosen by the --demo flag or MICROENT_DEMO=1', () => {
    expect(isDemoLaunch(['electron', '.', '--demo'], {})).toBe(true)
    expect(isDemoLaunch(['electron', '.'], { MICROENT_DEMO: '1' })).toBe(true)
    expect(isDemoLaunch(['electron', '.'], {})).toBe(false)
  })

  it('relaunches with the flag added or removed, keeping the other arguments', () => {
    expect(relaunchArgs(['/x/electron', '.', '--inspect=0'], true)).toEqual(['.', '--inspect=0', '--demo'])
    expect(relaunchArgs(['/x/electron', '.', '--demo'], false)).toEqual(['.'])
  })

  it('uses the simulator key and refuses to store another', async () => {
    const vault = new DemoKeyVault()
    expect(vault.current()).toBe(DEMO_KEY)
    expect((await vault.status()).set).toBe(true)
    const refused = (await vault.set().then(
      () => null,
      (e: unknown) => e,
    )) as ApiFailure
    expect(refused).toBeInstanceOf(ApiFailure)
    expect([zhOf(refused), enOf(refused)]).toEqual(['演示模式使用内置密钥，请先退出演示模式', 'Demo mode uses a built-in key: leave demo mode first'])
  })

  it('serves the API in-process so a lookup can be made without a key', async () => {
    const backend = await startDemoBackend()
    try {
      const http = createNodeHttp({ keepAlive: false })
      const client = createJuheClient({ http, baseUrl: () => backend.baseUrl, key: () => DEMO_KEY })
      const submitted = await client.submit('成都成电光信科技股份有限公司')
      expect(submitted.type).toBe('accepted')
    } finally {
      await backend.close()
    }
  })
})

describe('switching demo mode', () => {
  const run = (servedByDevServer: boolean, on: boolean, env: NodeJS.ProcessEnv = {}) => {
    const calls: string[][] = []
    let quit = false
    switchDemo(on, { servedByDevServer, argv: ['/x/electron', '.'], env, relaunch: (a) => calls.push(a), quit: () => (quit = true) })
    return { calls, quit, env }
  }

  it('relaunches with the flag and clears an inherited MICROENT_DEMO when leaving', () => {
    expect(run(false, true)).toMatchObject({ calls: [['.', '--demo']], quit: true, env: { MICROENT_DEMO: '1' } })
    expect(run(false, false, { MICROENT_DEMO: '1' })).toMatchObject({ calls: [['.']], quit: true, env: { MICROENT_DEMO: '0' } })
    expect(isDemoLaunch(['/x/electron', '.'], { MICROENT_DEMO: '0' })).toBe(false)
  })

  it('refuses in a development run, whose dev server dies with the process, and says what to do', () => {
    const refused = (() => {
      try {
        run(true, true)
      } catch (e) {
        return e as ApiFailure
      }
    })()
    expect(refused).toMatchObject({ code: 'NOT_ALLOWED', text: { code: 'desktop.devRelaunchRefused' } })
    expect(zhOf(refused)).toMatch(/npm run demo/)
    expect(enOf(refused)).toMatch(/npm run demo/)
  })
})
