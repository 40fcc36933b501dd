/** Team mode (issue 17): the shared database as the engine and its hosts speak of it. */
import { entry } from './define'

export const teamMessages = {
  'team.offlineHold': entry({
    example: { since: '2026-12-07 09:30' },
    'zh-CN': (p) => `团队数据库自 ${p.since} 起无法连接：新的收费查询暂不提交（无法确认同事是否已查过），已有的查询照常获取结果，恢复连接后自动继续。`,
    en: (p) => `The team database has not answered since ${p.since}: new charged lookups wait (no way to tell whether a colleague already asked), lookups already sent go on, and all continues once it answers.`,
  }),
  'team.schemaRefused': entry({
    example: { since: '2026-12-07 09:30', code: '42501' },
    'zh-CN': (p) =>
      `团队数据库自 ${p.since} 起无法使用：它拒绝建立或更新团队数据结构（${p.code}）。请数据库管理员按 docs/team-schema.md 授予建表权限，或用有权限的账号运行一次 microent team status。在此之前新的收费查询暂不提交，已有的查询照常获取结果。`,
    en: (p) =>
      `The team database cannot be used since ${p.since}: it refuses to create or update the team schema (${p.code}). Ask its administrator to grant the rights docs/team-schema.md names, or run microent team status once as a role that has them. Until then new charged lookups wait; lookups already sent go on.`,
  }),
  'team.connecting': entry({
    example: {},
    'zh-CN': () => '正在连接团队数据库：连接成功前新的收费查询暂不提交。',
    en: () => 'Connecting to the team database: new charged lookups wait until it answers.',
  }),
  'team.notConnected': entry({
    example: { url: 'postgres://desk@db.example.com/microent' },
    'zh-CN': (p) => `此数据文件夹属于团队模式（团队数据库 ${p.url}），但本次未连接该数据库：新的收费查询暂不提交，以免与同事重复付费。命令行请设置 MICROENT_DATABASE_URL 后再运行。`,
    en: (p) => `This data folder belongs to a team desk (team database ${p.url}), but it was opened without that database: new charged lookups wait, so no colleague's lookup is paid for twice. From the command line, set MICROENT_DATABASE_URL and run again.`,
  }),
  'team.deskTaken': entry({
    example: { desk: 'MacBook-Pro', user: 'alice', lastSeen: '2026-12-07 09:30', freeFrom: '2026-12-07 09:40' as string | null },
    'zh-CN': (p) =>
      `本机名称 ${p.desk} 已被另一台电脑使用（用户 ${p.user}，最后在线 ${p.lastSeen}）：请在 设置 > 团队模式 的“本机名称”一栏改一个名称（命令行：设置 MICROENT_DESK）${p.freeFrom ? `；若那台电脑已不再使用，此名称自 ${p.freeFrom} 起归本机使用` : ''}。在此之前新的收费查询暂不提交，已有的查询照常获取结果。`,
    en: (p) =>
      `The desk name ${p.desk} is used by another computer (user ${p.user}, last seen ${p.lastSeen}): give this desk another name in Settings > Team mode, Desk name (from the command line: set MICROENT_DESK)${p.freeFrom ? `; if that computer is no longer used, the name is this desk's from ${p.freeFrom}` : ''}. Until then new charged lookups wait; lookups already sent go on.`,
  }),
  'team.capReached': entry({
    example: { period: 'day', cap: 150, until: '2026-12-08 00:00' },
    'zh-CN': (p) => `团队${p.period === 'day' ? '今天' : '本月'}的收费查询已达上限 ${p.cap} 次，新的查询暂不提交，${p.until}（北京时间）后自动继续。`,
    en: (p) => `The team's ${p.period === 'day' ? 'daily' : 'monthly'} cap of ${p.cap} charged lookups is reached: new lookups wait until ${p.until} (Beijing time).`,
  }),
  'team.askedBy': entry({
    example: { desk: 'desk-2' },
    'zh-CN': (p) => `同事 ${p.desk} 已查询此企业，结果共享，未再次计费。`,
    en: (p) => `Colleague ${p.desk} already asked for this company: the result is shared, no second charge.`,
  }),
  'team.knownFromColleague': entry({
    example: { date: '2026-12-07', desk: 'desk-2' },
    'zh-CN': (p) => `同事 ${p.desk} 已于 ${p.date} 查过，结果共享，未再收费`,
    en: (p) => `Looked up by colleague ${p.desk} on ${p.date}, shared; not charged again`,
  }),
  'notify.teamOfflineTitle': entry({
    example: {},
    'zh-CN': () => '团队数据库无法连接',
    en: () => 'Team database unreachable',
  }),
  'notify.teamSchemaTitle': entry({
    example: {},
    'zh-CN': () => '团队数据库拒绝建立数据结构',
    en: () => 'The team database refuses the schema',
  }),
  'notify.deskTakenTitle': entry({
    example: {},
    'zh-CN': () => '本机名称已被另一台电脑使用',
    en: () => "This desk's name is another computer's",
  }),
  'notify.teamOfflineBody': entry({
    example: {},
    'zh-CN': () => '新的收费查询暂不提交；已提交的查询照常获取结果，连接恢复后自动继续。',
    en: () => 'New charged lookups wait; lookups already sent go on, and all continues once it answers.',
  }),
}
