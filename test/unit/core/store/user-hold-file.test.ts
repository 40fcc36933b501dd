import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { NO_USER_HOLDS, type QuotaHold } from '../../../../src/core/persistence'
import { userHoldFile } from '../../../../src/core/store/user-hold-file'
import { render } from '../../../../src/shared/messages'

const hold = { code: 'JUHE_10012', zh: '额度已用完', en: 'Quota used up', since: 42 } as QuotaHold

describe('userHoldFile', () => {
  it('has no file while nothing is held, and reads that as no hold', () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-holds-'))
    expect(userHoldFile(dir).read()).toEqual(NO_USER_HOLDS)
    expect(existsSync(join(dir, 'holds.json'))).toBe(false)
  })

  it('keeps a quota hold across opens, and removes the file when it is lifted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-holds-'))
    userHoldFile(dir).write({ quota: hold })
    expect(userHoldFile(dir).read()).toEqual({ quota: hold })
    userHoldFile(dir).write(NO_USER_HOLDS)
    expect(existsSync(join(dir, 'holds.json'))).toBe(false)
    expect(userHoldFile(dir).read()).toEqual(NO_USER_HOLDS)
  })

  it('reads a damaged file as held: only the user lifts a hold, never a reading error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-holds-'))
    writeFileSync(join(dir, 'holds.json'), '{"quota":')
    const read = userHoldFile(dir).read()
    expect(read.quota).not.toBeNull()
    expect(read.quota).toMatchObject({ code: null, since: 0 })
    // Said in the reader's language: the file, and how the user lifts the hold.
    expect(render(read.quota?.text ?? { code: '?' }, 'zh-CN')).toContain('holds.json 无法读取')
    expect(render(read.quota?.text ?? { code: '?' }, 'en')).toContain('run microent resume or click Resume')
  })
})
