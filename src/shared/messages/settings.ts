/**
 * A settings value refused, said as what the field takes (never the validator's own English): the window names the
 * field by its label, `microent config set` by the key the user typed.
 */
import { entry, type Lang } from './define'

type Both = Record<Lang, string>

/** The settings of settings.json (core/settings.ts checks the same set). */
export type SettingField =
  | 'baseUrl'
  | 'requestsPerSecond'
  | 'submitIntervalMs'
  | 'freshnessDays'
  | 'dailyCap'
  | 'monthlyCap'
  | 'pricePerCall'
  | 'language'
  | 'theme'
  | 'notifications'
  | 'closeToTray'
  | 'exportPlaceholder'
  | 'exportFormat'
  | 'teamDatabaseUrl'
  | 'teamDesk'

/** The labels of the settings page. */
const LABEL: Readonly<Record<SettingField, Both>> = {
  baseUrl: { 'zh-CN': '接口地址', en: 'API address' },
  requestsPerSecond: { 'zh-CN': '每秒请求数', en: 'Requests per second' },
  submitIntervalMs: { 'zh-CN': '收费查询间隔', en: 'Gap between charged calls' },
  freshnessDays: { 'zh-CN': '结果有效期', en: 'Result freshness' },
  dailyCap: { 'zh-CN': '每日收费上限', en: 'Daily charged-call cap' },
  monthlyCap: { 'zh-CN': '每月收费上限', en: 'Monthly charged-call cap' },
  pricePerCall: { 'zh-CN': '每次收费查询价格', en: 'Price per charged call' },
  language: { 'zh-CN': '语言', en: 'Language' },
  theme: { 'zh-CN': '主题', en: 'Theme' },
  notifications: { 'zh-CN': '通知', en: 'Notifications' },
  closeToTray: { 'zh-CN': '关闭窗口时最小化到托盘', en: 'Closing the window keeps it in the tray' },
  exportPlaceholder: { 'zh-CN': '导出时无数据显示为', en: 'Missing values exported as' },
  exportFormat: { 'zh-CN': '默认导出格式', en: 'Default export format' },
  teamDatabaseUrl: { 'zh-CN': '团队数据库地址', en: 'Team database URL' },
  teamDesk: { 'zh-CN': '本机名称', en: 'Desk name' },
}

/**
 * What each field takes. `none`: how "no value" is written where the value is typed (`none` on the command line);
 * null in the window, where the field is left empty.
 */
function takes(field: SettingField, none: string | null, lang: Lang): string {
  const zh = lang === 'zh-CN'
  const empty = (zhWhat: string, enWhat: string) => (none ? (zh ? `，或 ${none} ${zhWhat}` : `, or ${none} ${enWhat}`) : zh ? `，或留空${zhWhat}` : `, or empty ${enWhat}`)
  switch (field) {
    case 'baseUrl':
      return zh ? `http(s) 地址${empty('表示聚合数据默认地址', '')}` : `an http(s) address${empty('', 'for the Juhe default')}`
    case 'requestsPerSecond':
      return zh ? '大于 0、不超过 50 的数' : 'a number above 0, at most 50'
    case 'submitIntervalMs':
      return zh ? '0 到 600000 的整数（毫秒）' : 'a whole number of milliseconds, 0 to 600000'
    case 'freshnessDays':
      return zh ? '0 到 3650 的整数（天）' : 'a whole number of days, 0 to 3650'
    case 'dailyCap':
    case 'monthlyCap':
      return zh ? `正整数${empty('表示不限', '')}` : `a positive whole number${empty('', 'for no cap')}`
    case 'pricePerCall':
      return zh ? `0 到 10000 的金额（元）${none ? `，或 ${none}` : '，或留空'}` : `an amount in yuan, 0 to 10000${none ? `, or ${none}` : ', or empty'}`
    case 'language':
      return zh ? 'zh-CN 或 en' : 'zh-CN or en'
    case 'theme':
      return zh ? 'system、light 或 dark' : 'system, light or dark'
    case 'notifications':
      return zh ? 'all、failures 或 off' : 'all, failures or off'
    case 'closeToTray':
      return zh ? 'true 或 false' : 'true or false'
    case 'exportPlaceholder':
      return zh ? '“-”或“暂无”' : '"-" or "暂无"'
    case 'exportFormat':
      return zh ? 'xlsx 或 csv' : 'xlsx or csv'
    case 'teamDatabaseUrl':
      return zh
        ? `postgres:// 或 postgresql:// 地址，不含密码（密码另存于系统密钥库）${empty('表示仅本机使用', '')}`
        : `a postgres:// or postgresql:// URL without its password (kept in the OS key store)${empty('', 'to work alone')}`
    case 'teamDesk':
      return zh ? `1 到 64 个可打印字符，首尾无空格${empty('表示使用主机名', '')}` : `1 to 64 printable characters, no space at either end${empty('', 'for the host name')}`
  }
}

const known = (field: string): field is SettingField => Object.prototype.hasOwnProperty.call(LABEL, field)

/** One refused field of the window's change; a field the settings lack (another version's) is named as sent. */
function refused(field: string, lang: Lang): string {
  if (!known(field)) return lang === 'zh-CN' ? `“${field}”不是本程序的设置项` : `${field} is not a setting of this version`
  return lang === 'zh-CN' ? `“${LABEL[field]['zh-CN']}”须为${takes(field, null, lang)}` : `${LABEL[field].en} takes ${takes(field, null, lang)}`
}

/** What a key typed on the command line takes (config offers only known keys). */
const takesOf = (key: string, lang: Lang): string => (known(key) ? takes(key, 'none', lang) : key)

export const settingsMessages = {
  /** The window's change was refused as a whole: each wrong field with what it takes. */
  'settings.invalid': entry({
    example: { fields: ['requestsPerSecond', 'dailyCap'] as readonly string[] },
    'zh-CN': (p) => `设置未保存：${p.fields.map((f) => refused(f, 'zh-CN')).join('；')}。`,
    en: (p) => `Settings not saved: ${p.fields.map((f) => refused(f, 'en')).join('; ')}.`,
  }),
  /** `microent config set KEY VALUE` refused a value: named by the key typed, with what was typed. */
  'settings.badValue': entry({
    example: { key: 'dailyCap', got: '-5' },
    'zh-CN': (p) => `${p.key} 须为${takesOf(p.key, 'zh-CN')}（收到 ${p.got}）；未做任何更改`,
    en: (p) => `${p.key} takes ${takesOf(p.key, 'en')} (got ${p.got}); nothing was changed`,
  }),
  'settings.notSettable': entry({
    example: { key: 'theme', settable: 'dailyCap, monthlyCap' },
    'zh-CN': (p) => `不能用 config 设置 ${p.key}；可设置：${p.settable}`,
    en: (p) => `${p.key} cannot be set here; settable: ${p.settable}`,
  }),
  'settings.noSuchSetting': entry({
    example: { key: 'colour' },
    'zh-CN': (p) => `没有设置项 ${p.key}，见 microent config list`,
    en: (p) => `No setting ${p.key}; see microent config list`,
  }),
  'settings.fileNotJson': entry({
    example: { path: '/data/settings.json' },
    'zh-CN': (p) => `无法读取 ${p.path}：不是有效的 JSON`,
    en: (p) => `${p.path} could not be read: not valid JSON`,
  }),
  /** The app holds the data folder and keeps its settings in memory: the change is made in its window. */
  'settings.heldByApp': entry({
    example: { app: 'microent', pid: 4242 },
    'zh-CN': (p) => `${p.app}（进程 ${p.pid}）正在使用数据目录，设置未更改：请在其设置页中修改，或先关闭它`,
    en: (p) => `${p.app} (pid ${p.pid}) holds the data folder; nothing was changed: change it in its Settings, or close it first`,
  }),
  'settings.keyWorks': entry({
    example: {},
    'zh-CN': () => '密钥有效',
    en: () => 'The key works',
  }),
}
