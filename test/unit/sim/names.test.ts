import { describe, expect, it } from 'vitest'
import { FORMULA_NAMES, INDUSTRIES, LEGAL_FORMS, LOCALITIES, ZIHAO_FIRST, ZIHAO_SECOND } from '../../../src/sim/names'

describe('sim word lists', () => {
  it('gives every locality a 6-digit division code, a full city name and its registration and tax offices', () => {
    for (const l of LOCALITIES) {
      expect(l.code).toMatch(/^\d{6}$/)
      expect(l.cityFull).toBe(`${l.city}市`)
      expect(l.org).toMatch(/市场监督管理局/)
      expect(l.org).toMatch(/局$/)
      expect(l.tax).toMatch(/^国家税务总局.*税务局$/)
    }
    expect(new Set(LOCALITIES.map((l) => l.code)).size).toBe(LOCALITIES.length)
  })

  it('builds the default offices from the city and district', () => {
    const wuhou = LOCALITIES.find((l) => l.district === '武侯区')
    expect(wuhou).toMatchObject({ org: '成都市武侯区市场监督管理局', tax: '国家税务总局成都市武侯区税务局' })
  })

  it('has single characters for trade names and weighted industries with words for every class', () => {
    expect([...ZIHAO_FIRST, ...ZIHAO_SECOND].every((c) => [...c].length === 1)).toBe(true)
    for (const i of INDUSTRIES) {
      expect(i.weight).toBeGreaterThan(0)
      for (const c of i.classes) expect(c.words.length).toBeGreaterThan(0)
    }
  })

  it('types legal forms as the credit code does: enterprises 1, 个体工商户 2, cooperatives 3', () => {
    expect(LEGAL_FORMS.individual.typeDigit).toBe('2')
    expect(LEGAL_FORMS.coop.typeDigit).toBe('3')
    expect(Object.values(LEGAL_FORMS).filter((f) => f.typeDigit === '1')).toHaveLength(6)
  })

  it('starts every formula name with a character spreadsheets read as a formula', () => {
    for (const name of FORMULA_NAMES) expect('=+-@').toContain(name[0])
  })
})
