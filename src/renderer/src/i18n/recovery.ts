/** The start-up recovery banner's texts (RecoveryBanner.vue), kept apart from the main catalogues. */
export const recoveryZh = {
  title: '启动时的恢复情况',
  separator: '，',
  firstCount: (n: number) => `${n} `,
  damaged: (n: number, names: string) => `${n} 个数据文件损坏，已另存为 ${names}`,
  missing: (n: number, names: string) => `数据文件 ${names} 不见了`,
  resumed: (n: number) => `${n} 项查询继续进行`,
  rebuilt: (n: number) => `${n} 项由收费记录恢复`,
  uncertain: (n: number) => `${n} 项结果未知（可能已扣费）`,
  expired: (n: number) => `${n} 项在程序关闭期间过期`,
  lost: (n: number) => `${n} 项无法恢复`,
  lostHint: (anyCharged: boolean): string =>
    anyCharged
      ? '以下查询无法从日志或收费记录恢复；如需结果请重新提交，每项再收费一次（其中标明“已收费”的已付过一次）：'
      : '以下查询无法从日志或收费记录恢复；如需结果请重新提交（每项收费一次）：',
  keywordUnknown: (id: string) => `查询 ${id}（关键词未知）`,
  paidAt: (time: string) => `${time}（北京时间）收费`,
  notCharged: '未收费',
  chargedUnknownTime: '已收费（时间未知）',
  more: (n: number) => `另有 ${n} 项`,
  dismiss: '知道了',
  show: '显示列表',
  hide: '收起列表',
}

export const recoveryEn: typeof recoveryZh = {
  title: 'Recovered at start-up',
  separator: ', ',
  firstCount: (n) => (n === 1 ? '1 lookup ' : `${n} lookups `),
  damaged: (n, names) => `${n === 1 ? '1 damaged data file was' : `${n} damaged data files were`} set aside as ${names}`,
  missing: (n, names) => `${n === 1 ? 'a data file is' : `${n} data files are`} missing (${names})`,
  resumed: (n) => `${n === 1 ? '1 lookup' : `${n} lookups`} resumed`,
  rebuilt: (n) => `${n} rebuilt from the charged-call record`,
  uncertain: (n) => `${n} uncertain (may have been charged)`,
  expired: (n) => `${n} expired while the app was closed`,
  lost: (n) => `${n} could not be recovered`,
  lostHint: (anyCharged) =>
    anyCharged
      ? 'These lookups could not be recovered from the journal or the charged-call record; submit them again for a result, each charged once more (those marked "charged" were paid for once already):'
      : 'These lookups could not be recovered from the journal or the charged-call record; submit them again for a result (each is one charged call):',
  keywordUnknown: (id) => `lookup ${id} (keyword unknown)`,
  paidAt: (time) => `charged at ${time} (Beijing time)`,
  notCharged: 'not charged',
  chargedUnknownTime: 'charged (time unknown)',
  more: (n) => `${n} more`,
  dismiss: 'Dismiss',
  show: 'Show the lookups',
  hide: 'Hide the lookups',
}
