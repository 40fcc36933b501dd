import { describe, expect, it } from 'vitest'
import { expiredError, JOBID_EXPIRED, LAST_POLL_AFTER_RESTART, lastPollNote, submitGaveUp, unusableJobid } from '../../../../src/core/jobs/final-messages'
import { badInputError, describeApiCode, httpStatusError } from '../../../../src/core/juhe/error-codes'
import { isMessageCode } from '../../../../src/shared/messages'

describe('final messages', () => {
  it('a charged call the engine gave up on keeps its API code and says what failed, without promising a retry', () => {
    expect(submitGaveUp(describeApiCode(277700, 'submit'), 5)).toEqual({ code: 'JUHE_277700', text: { code: 'job.submitGaveUp', params: { cause: 'serviceTimeout', attempts: 5 } } })
    expect(submitGaveUp(describeApiCode(277703, 'submit'), 5).text?.params).toMatchObject({ cause: 'serviceError' })
    expect(submitGaveUp(describeApiCode(277705, 'submit'), 5).text?.params).toMatchObject({ cause: 'serviceUnknownError' })
    expect(submitGaveUp(httpStatusError(503, 'poll'), 2)).toMatchObject({ code: 'HTTP_503', text: { params: { cause: 'other', attempts: 2 } } })
  })

  it('an expired lookup says whether a last poll was made after a restart', () => {
    expect(expiredError(false)).toEqual({ code: JOBID_EXPIRED, text: { code: 'job.expired' } })
    expect(expiredError(true)).toEqual({ code: JOBID_EXPIRED, text: { code: 'job.expiredAfterLastPoll' } })
  })

  it('the last poll after a restart is marked with its own code', () => {
    expect(lastPollNote().code).toBe(LAST_POLL_AFTER_RESTART)
  })

  it('an unusable jobid keeps the error\'s code and says why, nested', () => {
    const error = badInputError('jobid')
    expect(unusableJobid(error)).toEqual({ code: error.code, text: { code: 'job.unusableJobid', params: { cause: error.text } } })
  })

  it('every message is in the catalogue', () => {
    for (const e of [submitGaveUp(describeApiCode(277700, 'submit'), 5), expiredError(true), expiredError(false), lastPollNote(), unusableJobid(badInputError('jobid'))]) {
      expect(isMessageCode(e.text!.code), e.text!.code).toBe(true)
    }
  })
})
