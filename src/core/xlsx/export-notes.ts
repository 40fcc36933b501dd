/** The 说明 sheet: what was exported, when, from where, and how to read it. */
import { JOB_STATUSES } from '../../shared/domain/job'
import { beijingCellDate } from './beijing-time'
import { STATUS_LABELS } from './export-rows'
import type { ExportCounts } from './export-types'
import { neutralizeFormula } from './sanitize'

export interface NotesInput {
  now: number
  appName: string
  appVersion: string
  filter: string
  counts: ExportCounts
  /** Base URLs other than Juhe's own that exported results came from (the simulator, a proxy). */
  otherSources?: readonly string[]
  /** The OS user who exported (evidence files name who made them); absent: not said. */
  user?: string
  /** Team mode (issue 17): this desk's name; absent: local mode, not said. */
  desk?: string
}

/** Team mode on 说明: whose lookups these are, and how to read 查询桌面. */
export function teamNoteRows(desk: string | undefined): [string, string][] {
  if (desk === undefined) return []
  return [
    [
      '工作模式',
      neutralizeFormula(
        `团队模式（本机名称“${desk}”）：查询、结果与收费记录由团队共用一个数据库，同一企业只收费一次。「查询桌面」列为实际发起该收费查询的电脑；为其他电脑名称的行，是同事已查询过的企业，结果共享，本机未再次计费。`,
      ),
    ],
  ]
}

export const DATA_SOURCE =
  '聚合数据（juhe.cn）“小微企业”接口：小微企业-JOB申请（https://v.juhe.cn/enterprise/App/MicroEnt/query，收费）' +
  '与小微企业-详情数据（http://v.juhe.cn/enterprise/App/MicroEnt/result）。企业字段均为接口原样返回的值。'

function otherSourcesRow(sources: readonly string[]): [string, string][] {
  if (!sources.length) return []
  const list = sources.join('、')
  return [['其他数据来源', neutralizeFormula(`部分查询的结果并非来自聚合数据官方接口，而是来自 ${list}（模拟器或代理），见「查询结果」表的「数据来源」列；该列空白的行来自聚合数据官方接口。`)]]
}

export function notesRows(input: NotesInput): [string, string | number | Date][] {
  const total = JOB_STATUSES.reduce((sum, s) => sum + input.counts[s], 0)
  return [
    ['导出时间（北京时间）', beijingCellDate(input.now)],
    ['导出软件及版本', neutralizeFormula(`${input.appName} ${input.appVersion}`)],
    ['导出范围（筛选条件）', neutralizeFormula(input.filter)],
    ['导出查询总数', total],
    ...JOB_STATUSES.map((s): [string, number] => [`状态：${STATUS_LABELS[s]}`, input.counts[s]]),
    // When in UTC and who: after the counts, so the rows above keep their places.
    ['导出时间（UTC）', new Date(input.now).toISOString()],
    ...(input.user ? [['导出人（操作系统用户）', neutralizeFormula(input.user)] as [string, string]] : []),
    ...teamNoteRows(input.desk),
    ['数据来源', DATA_SOURCE],
    ...otherSourcesRow(input.otherSources ?? []),
    ['工作表「查询结果」', '每次查询一行：查询关键词（用户原样输入）、规范化关键词、状态、接口返回的 14 个字段、批次、提交/完成时间与 jobid。'],
    ['工作表「未完成」', '尚未得到结论的查询（排队中、提交中、查询中、失败、已过期、结果未知）及原因。“无结果”表示接口已明确答复查无此企业，不列入。'],
    ['「-」或「暂无」', '接口对该项没有提供数据（接口原值为“-”）。空白单元格表示该查询尚无结果。'],
    ['以单引号 \' 开头的内容', '原值以 = + - @ 或制表符、换行等开头。为防止 Excel 将其当作公式执行（公式注入），导出时在前面加了一个单引号；核对时请忽略该单引号。'],
    ['时间', '所有时间均为北京时间（UTC+8）。jobid 自提交起 24 小时内有效。'],
    ['代码类字段', '统一社会信用代码、注册号、jobid 等均以文本保存，不会被 Excel 转成科学计数法或丢失末位。'],
  ]
}
