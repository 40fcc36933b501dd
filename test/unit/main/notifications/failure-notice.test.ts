import { describe, expect, it } from 'vitest'
import { createFailureNotice } from '../../../../src/main/notifications/failure-notice'

describe('failed notifications', () => {
  it('are told to the user once a session, in their language', () => {
    const shown: string[] = []
    const notice = createFailureNotice({ language: () => 'en', platform: 'darwin', show: (t) => shown.push(t.title) })
    notice()
    notice()
    expect(shown).toEqual(['System notifications cannot be shown'])
  })
})
