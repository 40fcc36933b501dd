// src/core/team/identifiers.ts
import { describe, expect, it } from 'vitest'
import { defaultKeyword, identifierKey, identifierKeys } from '../../../../src/core/team/identifiers'

describe('team identifiers', () => {
  it('claims a name under the local store de-duplication key', () => {
    expect(identifierKey('name', ' 某某科技（成都）有限公司 ')).toEqual({ kind: 'name', value: '某某科技(成都)有限公司' })
    expect(identifierKey('name', '某某科技 (成都) 有限公司')).toEqual(identifierKey('name', '某某科技（成都）有限公司'))
  })

  it('upper-cases codes and drops spaces and full-width forms', () => {
    expect(identifierKey('credit_code', '91510100ma61r1ll3x')).toEqual({ kind: 'credit_code', value: '91510100MA61R1LL3X' })
    expect(identifierKey('reg_no', '５１０１００００００１２３４５')).toEqual({ kind: 'reg_no', value: '510100000012345' })
  })

  it('ignores empty values and the API "not available"', () => {
    expect(identifierKey('name', '  ')).toBeNull()
    expect(identifierKey('reg_no', '-')).toBeNull()
    expect(identifierKey('reg_no', undefined)).toBeNull()
  })

  it('lists every usable identifier, codes first', () => {
    expect(identifierKeys({ name: '某某有限公司', credit_code: '91510100MA61R1LL3X', reg_no: '-' }).map((k) => k.kind)).toEqual(['credit_code', 'name'])
  })

  it('sends the first identifier given when no keyword is named', () => {
    expect(defaultKeyword({ name: '某某有限公司', reg_no: '510100000012345' })).toEqual({ text: '510100000012345', kind: 'reg_no' })
    expect(defaultKeyword({ name: '某某有限公司' })).toEqual({ text: '某某有限公司', kind: 'name' })
    expect(defaultKeyword({})).toBeNull()
  })
})
