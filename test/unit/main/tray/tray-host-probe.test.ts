import { describe, expect, it } from 'vitest'
import { probeTrayHost, SNI_WATCHER, type RunCommand } from '../../../../src/main/tray/tray-host-probe'

describe('probeTrayHost', () => {
  const answering = (answers: Record<string, string | null>): RunCommand & { asked: string[] } => {
    const asked: string[] = []
    return Object.assign(
      async (file: string, args: readonly string[]) => {
        asked.push(file)
        expect(args.join(' ')).toContain(SNI_WATCHER)
        return answers[file] ?? null
      },
      { asked },
    )
  }

  it('trusts Windows and macOS without asking', async () => {
    const run = answering({})
    expect(await probeTrayHost('win32', run)).toBe('present')
    expect(await probeTrayHost('darwin', run)).toBe('present')
    expect(run.asked).toEqual([])
  })

  it('reads gdbus, then dbus-send, and says unknown when neither answers', async () => {
    expect(await probeTrayHost('linux', answering({ gdbus: '(true,)\n' }))).toBe('present')
    expect(await probeTrayHost('linux', answering({ gdbus: '(false,)\n' }))).toBe('absent')
    const fallback = answering({ gdbus: null, 'dbus-send': 'method return\n   boolean false\n' })
    expect(await probeTrayHost('linux', fallback)).toBe('absent')
    expect(fallback.asked).toEqual(['gdbus', 'dbus-send'])
    expect(await probeTrayHost('linux', answering({}))).toBe('unknown')
  })
})
