import { describe, expect, it } from 'vitest'
import { handleSecondLaunch, launchWish, readLaunchWish, type SecondLaunchDeps } from '../../../../src/main/app/second-launch'

function deps(over: Partial<SecondLaunchDeps> = {}) {
  const calls: string[] = []
  const d: SecondLaunchDeps = {
    currentDemo: false,
    language: () => 'zh-CN',
    showWindow: () => calls.push('show'),
    confirm: async (t) => (calls.push(`ask:${t.title}`), true),
    relaunch: (demo) => calls.push(`relaunch:${demo}`),
    tell: (t) => calls.push(`tell:${t.message}`),
    ...over,
  }
  return { d, calls }
}

describe('a second launch', () => {
  it('sends its wish with the lock, read from its own argv and environment', () => {
    expect(launchWish(['app', '--demo'], {})).toEqual({ demo: true })
    expect(launchWish(['app'], { MICROENT_DEMO: '1' })).toEqual({ demo: true })
    expect(readLaunchWish(['app'], { demo: true })).toEqual({ demo: true })
    // An older build sends no data: its argv is read.
    expect(readLaunchWish(['app', '--original-process-start-time=1', '--demo'], undefined)).toEqual({ demo: true })
  })

  it('only shows the window when it asks for the mode already running', async () => {
    const { d, calls } = deps()
    await handleSecondLaunch({ demo: false }, d)
    expect(calls).toEqual(['show'])
  })

  it('asks, then restarts in demo mode for --demo', async () => {
    const { d, calls } = deps()
    await handleSecondLaunch({ demo: true }, d)
    expect(calls).toEqual(['show', 'ask:切换到演示模式？', 'relaunch:true'])
  })

  it('keeps running when the user declines, and offers to leave the demo to a plain launch', async () => {
    const { d, calls } = deps({ currentDemo: true, language: () => 'en', confirm: async (t) => (calls.push(`ask:${t.title}`), false) })
    await handleSecondLaunch({ demo: false }, d)
    expect(calls).toEqual(['show', 'ask:Leave demo mode?'])
  })

  it('says why where a restart cannot work (a development run)', async () => {
    const { d, calls } = deps({
      relaunch: () => {
        throw new Error('dev server')
      },
    })
    await handleSecondLaunch({ demo: true }, d)
    expect(calls.at(-1)).toMatch(/^tell:开发运行无法自动重启/)
  })
})
