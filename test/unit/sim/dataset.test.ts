import { describe, expect, it } from 'vitest'
import { COMPANY_FIELDS } from '../../../src/shared/domain/company'
import { isValidCreditCode } from '../../../src/core/keywords/credit-code'
import { isValidRegNo } from '../../../src/core/keywords/reg-no'
import {
  DEFAULT_DATASET_SIZE,
  EXAMPLE_COMPANY,
  FORMULA_NAMES,
  createDataset,
  findCompany,
  getDefaultDataset,
  sampleKeywords,
} from '../../../src/sim/dataset'

describe('sim dataset', () => {
  const ds = getDefaultDataset()

  it('has the default size, unique names and codes', () => {
    expect(ds.companies).toHaveLength(DEFAULT_DATASET_SIZE)
    expect(new Set(ds.companies.map((c) => c.name)).size).toBe(ds.companies.length)
    expect(new Set(ds.companies.map((c) => c.credit_no)).size).toBe(ds.companies.length)
    const regNos = ds.companies.map((c) => c.reg_no).filter((r) => r !== '-')
    expect(new Set(regNos).size).toBe(regNos.length)
  })

  it('gives every company the 14 string fields with valid codes and dates', () => {
    for (const c of ds.companies) {
      expect(Object.keys(c)).toEqual([...COMPANY_FIELDS])
      for (const f of COMPANY_FIELDS) expect(typeof c[f] === 'string' && c[f].length > 0).toBe(true)
      expect(isValidCreditCode(c.credit_no), c.credit_no).toBe(true)
      if (c.reg_no !== '-') expect(isValidRegNo(c.reg_no), c.reg_no).toBe(true)
      expect(c.start_date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(Number.isNaN(Date.parse(c.start_date))).toBe(false)
      expect(c.reg_capi).toMatch(/^(-|\d+(\.\d+)?万(人民币|美元))$/)
      expect(c.belong_org).toMatch(/市场监督管理局/)
    }
  })

  it('mixes present and missing reg_no and support fields', () => {
    const missingRegNo = ds.companies.filter((c) => c.reg_no === '-').length
    const supported = ds.companies.filter((c) => c.support_department !== '-').length
    expect(missingRegNo).toBeGreaterThan(20)
    expect(missingRegNo).toBeLessThan(150)
    expect(supported).toBeGreaterThan(10)
    expect(supported).toBeLessThan(100)
    expect(new Set(ds.companies.map((c) => c.l1_domain_name)).size).toBeGreaterThan(5)
    expect(new Set(ds.companies.map((c) => c.econ_kind))).toContain('有限责任公司(自然人投资或控股)')
  })

  it('includes the documented example and the formula-injection names', () => {
    expect(ds.companies[0]).toEqual(EXAMPLE_COMPANY)
    expect(isValidCreditCode(EXAMPLE_COMPANY.credit_no)).toBe(true)
    for (const name of FORMULA_NAMES) expect(findCompany(ds, name)?.name).toBe(name)
    expect(FORMULA_NAMES.map((n) => n[0]).sort()).toEqual(['+', '-', '=', '=', '@'])
  })

  it('finds by exact name, credit code (any case) and reg no; not by partial names', () => {
    const c = ds.companies.find((x) => x.reg_no !== '-' && /[A-Z]/.test(x.credit_no))!
    expect(findCompany(ds, c.name)).toBe(c)
    expect(findCompany(ds, `  ${c.name} `)).toBe(c)
    expect(findCompany(ds, c.credit_no)).toBe(c)
    expect(findCompany(ds, c.credit_no.toLowerCase())).toBe(c)
    expect(findCompany(ds, c.reg_no)).toBe(c)
    expect(findCompany(ds, c.name.slice(0, -2))).toBeUndefined()
    expect(findCompany(ds, '不存在的公司')).toBeUndefined()
    const fullWidth = ds.companies.find((x) => x.name.includes('（'))
    if (fullWidth) expect(findCompany(ds, fullWidth.name.replace('（', '(').replace('）', ')'))).toBe(fullWidth)
  })

  it('is deterministic by seed', () => {
    expect(createDataset({ seed: 42 }).companies).toEqual(createDataset({ seed: 42 }).companies)
    expect(createDataset({ seed: 'microent' }).companies).toEqual(ds.companies)
    const other = createDataset({ seed: 43 }).companies
    expect(other.slice(6).map((c) => c.name)).not.toEqual(ds.companies.slice(6).map((c) => c.name))
    expect(createDataset({ seed: 1, size: 30 }).companies).toHaveLength(30)
  })

  it('samples known and unknown keywords', () => {
    const s = sampleKeywords(ds, 3)
    for (const k of [...s.knownNames, ...s.knownCreditNos, ...s.knownRegNos]) expect(findCompany(ds, k)).toBeDefined()
    for (const k of [...s.unknownNames, ...s.unknownCreditNos, ...s.unknownRegNos]) expect(findCompany(ds, k)).toBeUndefined()
    expect(s.unknownNames).toHaveLength(3)
    for (const k of s.unknownCreditNos) expect(isValidCreditCode(k)).toBe(true)
    for (const k of s.unknownRegNos) expect(isValidRegNo(k)).toBe(true)
    expect(sampleKeywords(ds, 3)).toEqual(s)
  })
})
