import { describe, expect, it } from 'vitest'
import { ExportError } from '../../../../src/core/xlsx/export-types'
import { msg, render } from '../../../../src/shared/messages'

describe('ExportError', () => {
  it('carries a code for programs and a catalogue message for people; its own message is the English text, for logs', () => {
    const text = msg('ipc.internal')
    const cause = new Error('ENOSPC')
    const err = new ExportError('DISK_FULL', text, { cause })
    expect(err).toBeInstanceOf(Error)
    expect(err).toMatchObject({ name: 'ExportError', code: 'DISK_FULL', text, cause })
    expect(err.message).toBe(render(text, 'en'))
  })
})
