/**
 * The team domain's window side (issue 17): the team database's password kept in the OS key store like the API key,
 * and the refusals of main's team channels. The connection test's own findings are teamConnection.* (team-connection.ts).
 */
import { entry } from './define'

const CHOOSE = {
  'zh-CN': '请选择：仅在本次运行中使用密码，或在知情同意后以明文保存。',
  en: 'Choose: keep the password for this session only, or store it unencrypted with your consent.',
}

export const teamSettingsMessages = {
  'team.passwordEmpty': entry({
    example: {},
    'zh-CN': () => '数据库密码不能为空',
    en: () => 'The database password is empty',
  }),
  'team.passwordCannotEncrypt': entry({
    example: {},
    'zh-CN': () => `本机无法加密保存数据库密码。${CHOOSE['zh-CN']}`,
    en: () => `This computer cannot encrypt the database password. ${CHOOSE.en}`,
  }),
  'team.passwordWeakEncryption': entry({
    example: { backend: 'basic_text' },
    'zh-CN': (p) => `本机未找到系统密钥环（${p.backend}），数据库密码只能用固定密钥加密，等同明文。${CHOOSE['zh-CN']}`,
    en: (p) => `No system keyring was found (${p.backend}); the database password would be encrypted with a fixed key, no better than plain text. ${CHOOSE.en}`,
  }),
  'team.passwordEncryptFailed': entry({
    example: {},
    'zh-CN': () => '数据库密码加密失败，未保存',
    en: () => 'Encrypting the database password failed; nothing was saved',
  }),
  'team.passwordWriteFailed': entry({
    example: {},
    'zh-CN': () => '无法写入数据库密码文件',
    en: () => 'The database password file could not be written',
  }),
  'team.passwordRemoveFailed': entry({
    example: {},
    'zh-CN': () => '无法删除已保存的数据库密码',
    en: () => 'The saved database password could not be removed',
  }),
  'team.noUrl': entry({
    example: {},
    'zh-CN': () => '请先填写团队数据库地址',
    en: () => 'Enter the team database URL first',
  }),
  'team.notHere': entry({
    example: {},
    'zh-CN': () => '演示模式不使用团队数据库',
    en: () => 'Demo mode does not use a team database',
  }),
  'team.restartNotHere': entry({
    example: {},
    'zh-CN': () => '此处无法自动重启，请手动关闭并重新打开程序',
    en: () => 'The app cannot restart itself here: close it and open it again',
  }),
  /** The desktop app could not open its team database settings at start (the TLS rule refused the URL). */
  'team.startRefused': entry({
    example: { detail: 'sslmode=verify-ca needs sslrootcert', file: '/home/u/.config/microent-desk/data/settings.json' },
    'zh-CN': (p) => `团队数据库设置无法使用：${p.detail}。请修改 ${p.file} 中的 teamDatabaseUrl（删除该项则仅本机工作），然后重新打开程序。`,
    en: (p) => `The team database settings cannot be used: ${p.detail}. Change teamDatabaseUrl in ${p.file} (remove it to work alone), then open the app again.`,
  }),
}
