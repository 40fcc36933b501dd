/**
 * The simulator's companies: a seeded, deterministic set of realistic small and micro enterprises, plus the API
 * document's example company and a few names that start with spreadsheet formula characters.
 */
import { NOT_AVAILABLE, type Company } from '../shared/domain/company'
import { creditCodeCheckChar } from '../core/keywords/credit-code'
import { regNoCheckDigit } from '../core/keywords/reg-no'
import { chance, createRng, pick, pickWeighted, randInt, type Rng } from './prng'
import {
  CAPITALS_WAN,
  FORMULA_NAMES,
  INDUSTRIES,
  LEGAL_FORMS,
  LOCALITIES,
  SUPPORT_BASES,
  SUPPORT_CONTENTS,
  ZIHAO_FIRST,
  ZIHAO_SECOND,
  type IndustryClass,
  type LegalForm,
  type Locality,
} from './names'

export const DEFAULT_SEED = 'microent'
export const DEFAULT_DATASET_SIZE = 200

/** The company of the API document's 详情数据 example, exactly as shown there. */
export const EXAMPLE_COMPANY: Readonly<Company> = Object.freeze({
  name: '成都成电光信科技股份有限公司',
  credit_no: '9151010057463511XR',
  reg_no: '-',
  econ_kind: '股份有限公司(非上市、自然人投资或控股)',
  start_date: '2011-05-27',
  belong_org: '成都高新区市场监督管理局',
  reg_capi: '5317万人民币',
  l1_domain_name: '制造业',
  l2_domain_name: '其他电子设备制造',
  support_department: '-',
  support_amount: '-',
  support_date: '-',
  support_basis: '-',
  support_content: '-',
})

export { FORMULA_NAMES }

export interface Dataset {
  readonly seed: number | string
  /** Every company, the document's example first, then the formula-named ones, then generated ones. */
  readonly companies: readonly Readonly<Company>[]
  readonly byName: ReadonlyMap<string, Readonly<Company>>
  readonly byCreditNo: ReadonlyMap<string, Readonly<Company>>
  readonly byRegNo: ReadonlyMap<string, Readonly<Company>>
}

export interface DatasetOptions {
  seed?: number | string
  /** Total number of companies, fixed ones included (at least 6). */
  size?: number
}

/** Characters allowed in a unified social credit code (GB 32100: no I, O, S, V, Z). */
const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const

/** GB 11714 check character of an 8-character organisation code body. */
function orgCodeCheck(body: string): string {
  let sum = 0
  for (let i = 0; i < 8; i++) {
    const c = body.charAt(i)
    const v = c >= '0' && c <= '9' ? Number(c) : c.charCodeAt(0) - 55
    sum += v * (ORG_WEIGHTS[i] ?? 0)
  }
  const r = 11 - (sum % 11)
  return r === 10 ? 'X' : r === 11 ? '0' : String(r)
}

/** A unified social credit code with valid organisation-code and final check characters. */
export function makeCreditCode(rng: Rng, typeDigit: string, adminCode: string, modern: boolean): string {
  for (;;) {
    let body = modern ? 'MA' : String(randInt(rng, 1, 9))
    while (body.length < 8) body += modern ? pick(rng, CREDIT_CHARS.split('')) : String(randInt(rng, 0, 9))
    const first17 = `9${typeDigit}${adminCode}${body}${orgCodeCheck(body)}`
    const check = creditCodeCheckChar(first17)
    if (check) return first17 + check
  }
}

/** A 15-digit registration number (注册号) with a valid check digit. Sequence starts 0-3 for companies, 6-9 for 个体. */
export function makeRegNo(rng: Rng, adminCode: string, individual: boolean): string {
  for (;;) {
    let first14 = adminCode + String(individual ? randInt(rng, 6, 9) : randInt(rng, 0, 3))
    while (first14.length < 14) first14 += String(randInt(rng, 0, 9))
    const check = regNoCheckDigit(first14)
    if (check) return first14 + check
  }
}

function pad2(n: number): string {
  return String(n).padStart(2, '0')
}

function randomDate(rng: Rng, fromYear: number, toYear: number): string {
  const y = randInt(rng, fromYear, toYear)
  const m = randInt(rng, 1, 12)
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return `${y}-${pad2(m)}-${pad2(randInt(rng, 1, days))}`
}

function makeZihao(rng: Rng): string {
  const two = () => pick(rng, ZIHAO_FIRST) + pick(rng, ZIHAO_SECOND)
  return chance(rng, 0.2) ? two() + two() : two()
}

function makeName(rng: Rng, form: LegalForm, place: Locality, industry: IndustryClass): string {
  const zihao = makeZihao(rng)
  const word = pick(rng, industry.words)
  const area = `${place.cityFull}${place.district}`
  switch (form) {
    case 'individual':
      return `${area}${zihao}${pick(rng, industry.shops)}`
    case 'coop':
      return `${area}${zihao}${word}专业合作社`
    case 'sole_prop':
      return `${place.city}${zihao}${word}${pick(rng, ['工作室', '经营部', '服务中心'])}`
    case 'partnership':
      return `${place.city}${zihao}${word}合伙企业(有限合伙)`
    default: {
      const suffix = form === 'joint_stock' ? '股份有限公司' : chance(rng, 0.85) ? '有限公司' : '有限责任公司'
      const style = rng()
      if (style < 0.7) return `${place.city}${zihao}${word}${suffix}`
      if (style < 0.85) return `${zihao}（${place.city}）${word}${suffix}`
      return `${place.province}${zihao}${word}${suffix}`
    }
  }
}

function makeCapital(rng: Rng, form: LegalForm): string {
  if ((form === 'individual' || form === 'sole_prop') && chance(rng, 0.5)) return NOT_AVAILABLE
  if (form === 'individual') return `${pick(rng, [1, 2, 3, 5, 10])}万人民币`
  if (chance(rng, 0.03)) return `${pick(rng, [10, 50, 100])}万美元`
  if (chance(rng, 0.15)) return `${randInt(rng, 11, 4999)}万人民币`
  if (chance(rng, 0.05)) return `${randInt(rng, 1, 99)}.${randInt(rng, 1, 9)}万人民币`
  return `${pick(rng, CAPITALS_WAN)}万人民币`
}

function makeSupport(rng: Rng, place: Locality, startDate: string): Partial<Company> | null {
  if (!chance(rng, 0.22)) return null
  const startYear = Number(startDate.slice(0, 4))
  const dept = pick(rng, [place.tax, place.tax, place.org, `${place.cityFull}人力资源和社会保障局`])
  const amount = chance(rng, 0.6) ? `${randInt(rng, 1, 300) / 10}万元` : NOT_AVAILABLE
  return {
    support_department: dept,
    support_amount: amount,
    support_date: chance(rng, 0.8) ? randomDate(rng, Math.max(startYear + 1, 2019), 2025) : NOT_AVAILABLE,
    support_basis: chance(rng, 0.7) ? pick(rng, SUPPORT_BASES) : NOT_AVAILABLE,
    support_content: chance(rng, 0.8) ? pick(rng, SUPPORT_CONTENTS) : NOT_AVAILABLE,
  }
}

const FORMS = (Object.keys(LEGAL_FORMS) as LegalForm[]).map((f) => [f, LEGAL_FORMS[f].weight] as const)

function pickIndustry(rng: Rng, form: LegalForm): { l1: string; cls: IndustryClass } {
  for (;;) {
    const industry = pickWeighted(rng, INDUSTRIES.map((i) => [i, i.weight] as const))
    if (form === 'coop' && industry.l1 !== '农、林、牧、渔业') continue
    const classes = form === 'individual' ? industry.classes.filter((c) => c.shops.length > 0) : industry.classes
    if (classes.length > 0) return { l1: industry.l1, cls: pick(rng, classes) }
  }
}

/** A generated company; `fixedName` (a company-style name) forces a limited-company legal form. */
function makeCompany(rng: Rng, fixedName?: string): Company {
  const form: LegalForm = fixedName ? 'llc_np' : pickWeighted(rng, FORMS)
  const info = LEGAL_FORMS[form]
  const place = pick(rng, LOCALITIES)
  const { l1, cls: industry } = pickIndustry(rng, form)
  const startDate = randomDate(rng, chance(rng, 0.7) ? 2014 : 1998, 2024)
  const modern = Number(startDate.slice(0, 4)) >= 2016
  const regNoMissing = chance(rng, modern ? 0.6 : 0.15)
  const company: Company = {
    name: fixedName ?? makeName(rng, form, place, industry),
    credit_no: makeCreditCode(rng, info.typeDigit, place.code, modern),
    reg_no: regNoMissing ? NOT_AVAILABLE : makeRegNo(rng, place.code, form === 'individual'),
    econ_kind: info.econKind,
    start_date: startDate,
    belong_org: place.org,
    reg_capi: makeCapital(rng, form),
    l1_domain_name: l1,
    l2_domain_name: industry.l2,
    support_department: NOT_AVAILABLE,
    support_amount: NOT_AVAILABLE,
    support_date: NOT_AVAILABLE,
    support_basis: NOT_AVAILABLE,
    support_content: NOT_AVAILABLE,
  }
  return { ...company, ...makeSupport(rng, place, startDate) }
}

/** Name key for lookups: trimmed, full-width parentheses folded to ASCII. */
function nameKey(s: string): string {
  return s.trim().replace(/（/g, '(').replace(/）/g, ')')
}

/** Builds a data set; the same seed and size always give the same companies. */
export function createDataset(opts: DatasetOptions = {}): Dataset {
  const seed = opts.seed ?? DEFAULT_SEED
  const size = Math.max(opts.size ?? DEFAULT_DATASET_SIZE, 1 + FORMULA_NAMES.length)
  const rng = createRng(seed, 'dataset')
  const companies: Readonly<Company>[] = []
  const byName = new Map<string, Readonly<Company>>()
  const byCreditNo = new Map<string, Readonly<Company>>()
  const byRegNo = new Map<string, Readonly<Company>>()
  const add = (c: Readonly<Company>): boolean => {
    if (byName.has(nameKey(c.name)) || byCreditNo.has(c.credit_no) || byRegNo.has(c.reg_no)) return false
    companies.push(c)
    byName.set(nameKey(c.name), c)
    byCreditNo.set(c.credit_no, c)
    if (c.reg_no !== NOT_AVAILABLE) byRegNo.set(c.reg_no, c)
    return true
  }
  add(EXAMPLE_COMPANY)
  for (const name of FORMULA_NAMES) {
    while (!add(Object.freeze(makeCompany(rng, name)))) {
      // a credit code collision: draw again
    }
  }
  let attempts = 0
  while (companies.length < size && attempts++ < size * 50) add(Object.freeze(makeCompany(rng)))
  return { seed, companies, byName, byCreditNo, byRegNo }
}

/** Finds a company by exact name (full-width parentheses accepted), credit code (any case) or registration number. */
export function findCompany(dataset: Dataset, keyword: string): Readonly<Company> | undefined {
  const k = keyword.trim()
  if (/^[0-9A-Za-z]{18}$/.test(k)) {
    const c = dataset.byCreditNo.get(k.toUpperCase())
    if (c) return c
  }
  if (/^\d{15}$/.test(k)) {
    const c = dataset.byRegNo.get(k)
    if (c) return c
  }
  return dataset.byName.get(nameKey(k))
}

export interface SampleKeywords {
  /** Names, credit codes and registration numbers of companies in the data set. */
  knownNames: string[]
  knownCreditNos: string[]
  knownRegNos: string[]
  /** Realistic names and checksum-valid codes that are NOT in the data set (they give 277704). */
  unknownNames: string[]
  unknownCreditNos: string[]
  unknownRegNos: string[]
}

/** A few keywords of each kind, for tests and the CLI banner. Deterministic for a given data set. */
export function sampleKeywords(dataset: Dataset, count = 3): SampleKeywords {
  const generated = dataset.companies.slice(1 + FORMULA_NAMES.length)
  const rng = createRng(dataset.seed, 'unknown')
  const unknownNames: string[] = []
  const unknownCreditNos: string[] = []
  const unknownRegNos: string[] = []
  for (let i = 0; i < count * 100 && unknownNames.length < count; i++) {
    const c = makeCompany(rng)
    if (!findCompany(dataset, c.name)) unknownNames.push(c.name)
  }
  for (let i = 0; i < count * 100 && unknownCreditNos.length < count; i++) {
    const code = makeCreditCode(rng, '1', pick(rng, LOCALITIES).code, chance(rng, 0.5))
    if (!findCompany(dataset, code)) unknownCreditNos.push(code)
  }
  for (let i = 0; i < count * 100 && unknownRegNos.length < count; i++) {
    const regNo = makeRegNo(rng, pick(rng, LOCALITIES).code, false)
    if (!findCompany(dataset, regNo)) unknownRegNos.push(regNo)
  }
  return {
    knownNames: [EXAMPLE_COMPANY.name, ...generated.slice(0, count - 1).map((c) => c.name)],
    knownCreditNos: generated.slice(0, count).map((c) => c.credit_no),
    knownRegNos: generated.filter((c) => c.reg_no !== NOT_AVAILABLE).slice(0, count).map((c) => c.reg_no),
    unknownNames,
    unknownCreditNos,
    unknownRegNos,
  }
}

let defaultDataset: Dataset | undefined

/** The data set for the default seed and size (built once). */
export function getDefaultDataset(): Dataset {
  defaultDataset ??= createDataset()
  return defaultDataset
}
