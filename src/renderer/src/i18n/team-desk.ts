/**
 * Which desk charged a team lookup (issue 17), where the window shows it: the list's 查询桌面 column, the detail
 * pane's provenance and the batch view. The detail pane's notice is the catalogue's team.askedBy.
 */
export const teamDeskZh = {
  /** The column, and the provenance row's label. */
  column: '查询桌面',
  /** This desk's own charged call, in the column (its name is the tooltip). */
  here: '本机',
  tipColleague: (desk: string) => `由同事 ${desk} 查询并计费，结果共享，本机未再次计费`,
  tipHere: (desk: string) => `由本机（${desk}）查询并计费`,
  /** After the desk's name in the detail pane. */
  hereNote: '本机查询并计费',
  colleagueNote: '同事查询，本机未计费',
  /** Beside this desk's charged calls today / this month: every desk's together, which the team's caps count. */
  teamCharged: (n: number) => `团队 ${n}`,
  chargesTip: '本机的收费查询（北京时间）；“团队”为所有工作台合计，团队上限按它计算',
  teamToday: '团队今日收费',
  teamMonth: '团队本月收费',
  teamNote: '“团队”为所有工作台合计，取自团队数据库；团队上限按它计算。',
  /** Offline: the team's figures are the last read (a new day or month may have begun since). */
  staleNote: '团队数据库未连接：“团队”的数字为上次读取的，可能已不是最新。',
}

export const teamDeskEn: typeof teamDeskZh = {
  column: 'Desk',
  here: 'This desk',
  tipColleague: (desk) => `Charged by colleague ${desk}: the result is shared, no second charge here`,
  tipHere: (desk) => `Charged by this desk (${desk})`,
  hereNote: 'charged by this desk',
  colleagueNote: "a colleague's lookup, not charged here",
  teamCharged: (n) => `team ${n}`,
  chargesTip: "This desk's charged calls (Beijing time); 'team': every desk together, which the team's caps count",
  teamToday: 'Team today',
  teamMonth: 'Team this month',
  teamNote: "'Team': every desk together, from the team database; the team's caps count these.",
  staleNote: "The team database is not answering: the 'team' figures are as last read and may be out of date.",
}
