import { describe, expect, it, vi } from 'vitest'
import { cliArguments, runCliMode } from '../../../../src/main/app/cli-mode'

describe('the app binary as the command line', () => {
  it('takes everything after --cli as the command, wherever the app was started from', () => {
    expect(cliArguments(['/opt/MicroEnt-Desk/microent-desk', '--cli', 'list', '--json'])).toEqual(['list', '--json'])
    expect(cliArguments(['/usr/bin/electron', '/work/app', '--cli', 'show', '--', '--cli'])).toEqual(['show', '--', '--cli'])
    expect(cliArguments(['/opt/MicroEnt-Desk/microent-desk', '--cli'])).toEqual([])
    expect(cliArguments(['/opt/MicroEnt-Desk/microent-desk', '--demo'])).toBeNull()
    // The executable itself is never the switch.
    expect(cliArguments(['--cli', 'list'])).toBeNull()
  })

  it("runs the CLI's main on the arguments, hides the dock, and exits with its code", async () => {
    const exit = vi.fn()
    const hideDock = vi.fn()
    const main = vi.fn(async () => 3)
    await runCliMode(['list', '--json'], { loadCli: async () => ({ main }), exit, hideDock })
    expect(main).toHaveBeenCalledWith(['list', '--json'])
    expect(hideDock).toHaveBeenCalledOnce()
    expect(exit).toHaveBeenCalledWith(3)
  })

  it('exits 1 naming why when the CLI cannot even be loaded', async () => {
    const exit = vi.fn()
    const written: string[] = []
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation(((chunk: string | Uint8Array, cb?: unknown) => {
      written.push(String(chunk))
      if (typeof cb === 'function') (cb as () => void)()
      return true
    }) as typeof process.stderr.write)
    try {
      await runCliMode(['list'], { loadCli: async () => Promise.reject(new Error('bundle missing')), exit })
    } finally {
      spy.mockRestore()
    }
    expect(exit).toHaveBeenCalledWith(1)
    expect(written.join('')).toContain('microent: bundle missing')
  })
})
