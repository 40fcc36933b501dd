import { describe, expect, it } from 'vitest'
import { applySubmitOutcome, markSubmitting } from '../../../../src/core/jobs/transitions'
import { badBaseUrlError, badInputError, describeApiCode, httpStatusError, noKeyError } from '../../../../src/core/juhe/error-codes'
import { makeJob } from '../../../helpers/jobs'

const NOW = Date.UTC(2026, 10, 29, 2, 0, 0)
const ctx = { now: NOW, scale: 1, jitter: 0.5 }

describe('what the charged-call record says of a refused submission', () => {
  const submitting = () => markSubmitting(makeJob({ status: 'queued' }), NOW - 10)

  it('records a call refused on this machine (no key, unusable API address, empty keyword) as not sent', () => {
    for (const error of [noKeyError(), badBaseUrlError(), badInputError('keyword')]) {
      expect(applySubmitOutcome(submitting(), { type: 'error', error }, ctx).charge, error.code).toBe('not_sent')
    }
  })

  it('records a call the API refused as rejected', () => {
    for (const code of [10001, 10011, 10012]) {
      expect(applySubmitOutcome(submitting(), { type: 'error', error: describeApiCode(code, 'submit') }, ctx).charge).toBe('rejected')
    }
    // An HTTP status is an answer from the server, too.
    expect(applySubmitOutcome(submitting(), { type: 'error', error: httpStatusError(429, 'submit') }, ctx).charge).toBe('rejected')
  })
})
