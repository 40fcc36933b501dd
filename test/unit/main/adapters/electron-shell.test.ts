import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiFailure } from '../../../../src/main/api/failure'
import { createElectronShell, openExternalChecked } from '../../../../src/main/adapters/electron-shell'
import { fake } from '../fake-electron'
import { zhOf } from '../../../helpers/said'

vi.mock('electron', async () => {
  const { fake } = await import('../fake-electron')
  return { default: fake, ...fake }
})

beforeEach(() => fake.control.reset())

describe('shell', () => {
  it('opens the data folder and reports failure as IO', async () => {
    const shell = createElectronShell('/data')
    await shell.openDataFolder()
    expect(fake.shell.opened).toEqual(['/data'])
    fake.shell.openPathResult = 'Failed to open path'
    const err = await shell.openDataFolder().catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiFailure)
    // Our words in the window's language; the OS's English reason is not passed on.
    expect(err).toMatchObject({ code: 'IO', text: { code: 'desktop.dataFolderUnopened' }, detail: undefined })
    expect(zhOf(err as ApiFailure)).toBe('无法打开数据文件夹')
  })
  it('opens external links only after the check', () => {
    expect(openExternalChecked('https://www.juhe.cn/')).toBe(true)
    expect(openExternalChecked('file:///C:/Windows/System32/calc.exe')).toBe(false)
    expect(fake.shell.external).toEqual(['https://www.juhe.cn/'])
  })
})
