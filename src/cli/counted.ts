/**
 * The CLI's messages that carry a count, in its "中文 / English" style: the English side says "1 lookup" and
 * "2 lookups", "is" and "are" (test/unit/cli/counted.test.ts renders every one with 1 and 2).
 */

/** "1 lookup", "2 lookups". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

/** "is" for one, "are" for more (or none). */
const be = (n: number) => (n === 1 ? 'is' : 'are')
/** A verb in the present, "stays" for one, "stay" for more. */
const verb = (n: number, one: string, many: string) => (n === 1 ? one : many)

export const counted = {
  exported: (n: number, out: string) => `已导出 ${n} 项到 ${out} / Exported ${count(n, 'lookup')} to ${out}`,
  queued: (n: number, batch: string | null) =>
    `已加入队列 ${n} 项${batch ? `（批次 ${batch}）` : ''}；运行 \`microent run --until-done\` 开始查询。/ Queued ${count(n, 'lookup')}${batch ? ` (batch ${batch})` : ''}; run \`microent run --until-done\` to process ${n === 1 ? 'it' : 'them'}.`,
  staysQueued: (n: number) => `仍有 ${n} 项排队，未提交 / ${count(n, 'lookup')} ${verb(n, 'stays', 'stay')} queued, not submitted`,
  notFinal: (seconds: number, n: number) =>
    `已等待 ${seconds} 秒，仍有 ${n} 项未完成；再次运行 run 会接着查询 / Waited ${seconds} s; ${count(n, 'lookup')} ${be(n)} not final yet; run again to carry on`,
  needsYes: (n: number) => `将产生 ${n} 次收费查询：非交互模式下需要 --yes / ${count(n, 'charged call')}: pass --yes when not on a terminal`,
  confirm: (n: number, amount: string | null) =>
    `确认提交 ${n} 次收费查询${amount ? `（约 ${amount}）` : ''}？/ Make ${count(n, 'charged call')}${amount ? ` (about ${amount})` : ''}?`,
  /** The caps' split of a batch's charged calls. */
  capSplit: (now: number, later: number, monthly: boolean, until: string) => {
    const [zhCap, enCap] = monthly ? ['本月', "this month's"] : ['今日', "today's"]
    const rest = later === 1 ? 'the other one stays queued' : `the other ${later} stay queued`
    return `其中 ${now} 次在${zhCap}上限内；其余 ${later} 次排队，至 ${until}（北京时间）额度恢复后发送 / ${now} within ${enCap} cap; ${rest} until ${until} (Beijing time)`
  },
  resubmitPlan: (n: number, amount: string | null) =>
    `将重新提交 ${n} 项（收费 ${n} 次${amount ? `，约 ${amount}` : ''}）/ ${n} to resubmit (${count(n, 'charged call')}${amount ? `, about ${amount}` : ''})`,
  uncertainAmong: (n: number) =>
    `其中 ${n} 项结果未知：上次的收费查询可能已被受理，请先在聚合数据个人中心核对调用记录 / ${n} of them ${be(n)} uncertain: the earlier call may already have been charged; check the call history in your Juhe account first`,
  sameCompany: (n: number) =>
    `同一企业的另 ${n} 项不重复收费 / ${count(n, 'more lookup', 'more lookups')} of the same ${n === 1 ? 'company is' : 'companies are'} not charged again`,
  twinRunning: (n: number) =>
    `${n} 项跳过：该企业另有查询在进行或结果未知 / ${count(n, 'lookup')} skipped: another lookup of ${n === 1 ? 'its company' : 'their companies'} is running or uncertain`,
} satisfies Record<string, (...args: never[]) => string>
