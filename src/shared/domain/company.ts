/** The 14 fields of a 详情数据 (result) record, in the order the API documents them. */
export const COMPANY_FIELDS = [
  'name',
  'credit_no',
  'reg_no',
  'econ_kind',
  'start_date',
  'belong_org',
  'reg_capi',
  'l1_domain_name',
  'l2_domain_name',
  'support_department',
  'support_amount',
  'support_date',
  'support_basis',
  'support_content',
] as const

export type CompanyField = (typeof COMPANY_FIELDS)[number]

/** A company record exactly as the API returned it. "-" means the API has no value. */
export type Company = Record<CompanyField, string>

/** The API's placeholder for "not available". */
export const NOT_AVAILABLE = '-'

export const COMPANY_FIELD_LABELS: Record<CompanyField, { zh: string; en: string }> = {
  name: { zh: '企业名称', en: 'Company name' },
  credit_no: { zh: '统一社会信用代码', en: 'Unified social credit code' },
  reg_no: { zh: '注册号', en: 'Registration number' },
  econ_kind: { zh: '企业类型', en: 'Company type' },
  start_date: { zh: '成立日期', en: 'Founded' },
  belong_org: { zh: '登记机关', en: 'Registration authority' },
  reg_capi: { zh: '出资额', en: 'Capital contribution' },
  l1_domain_name: { zh: '所属门类', en: 'Sector' },
  l2_domain_name: { zh: '行业', en: 'Industry' },
  support_department: { zh: '实施扶持政策的部门', en: 'Support department' },
  support_amount: { zh: '享受扶持政策的数额', en: 'Support amount' },
  support_date: { zh: '实施扶持政策日期', en: 'Support date' },
  support_basis: { zh: '享受扶持政策依据', en: 'Support basis' },
  support_content: { zh: '享受扶持政策内容', en: 'Support content' },
}
