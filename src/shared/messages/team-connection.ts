/**
 * Team mode's connection (issue 17): why a team database URL is refused or a connection failed, the report of a
 * connection test, and the mode line `microent` prints. A failure names the host, user or database as given (never
 * the password) and, where the server said why, its SQLSTATE: never the driver's own English sentence.
 */
import { count, entry } from './define'

export const teamConnectionMessages = {
  'teamConnection.badUrl': entry({
    example: { url: 'postgres//desk@db.example.com/team' },
    'zh-CN': (p) => `团队数据库地址无法识别：${p.url}。格式为 postgres://用户@主机:端口/数据库（只写一个主机）。`,
    en: (p) => `The team database URL is not understood: ${p.url}. Write postgres://user@host:port/database (one host).`,
  }),
  'teamConnection.unknownParameter': entry({
    example: { name: 'sslcert' },
    'zh-CN': (p) => `团队数据库地址中的参数 ${p.name} 不受支持（可用：sslmode、sslrootcert、host、port、dbname、user、application_name、options、connect_timeout）。`,
    en: (p) => `The team database URL's parameter ${p.name} is not supported (supported: sslmode, sslrootcert, host, port, dbname, user, application_name, options, connect_timeout).`,
  }),
  'teamConnection.badSslMode': entry({
    example: { value: 'no-verify' },
    'zh-CN': (p) => `sslmode=${p.value} 无效：可用 disable、allow、prefer、require、verify-ca、verify-full。`,
    en: (p) => `sslmode=${p.value} is not valid: use disable, allow, prefer, require, verify-ca or verify-full.`,
  }),
  'teamConnection.rootCertNeeded': entry({
    example: {},
    'zh-CN': () => 'sslmode=verify-ca 需要 sslrootcert（受信任的根证书文件）：公共证书机构签发的证书任何人都能申请，只验证证书链不足以确认服务器。',
    en: () => 'sslmode=verify-ca needs sslrootcert (a file of trusted root certificates): anyone can get a certificate from a public authority, so checking the chain alone does not identify the server.',
  }),
  'teamConnection.systemRootsNeedFull': entry({
    example: { mode: 'require' },
    'zh-CN': (p) => `sslrootcert=system 只能与 sslmode=verify-full 一起使用（当前为 ${p.mode}），与 libpq 相同。`,
    en: (p) => `sslrootcert=system works only with sslmode=verify-full (this URL says ${p.mode}), as in libpq.`,
  }),
  'teamConnection.rootCertUnreadable': entry({
    example: { path: '/etc/ssl/team-ca.pem', code: 'ENOENT' },
    'zh-CN': (p) => `无法读取根证书文件 ${p.path}（${p.code}）。`,
    en: (p) => `The root certificate file ${p.path} cannot be read (${p.code}).`,
  }),
  'teamConnection.refused': entry({
    example: { host: 'db.example.com', port: 5432 },
    'zh-CN': (p) => `${p.host} 的端口 ${p.port} 拒绝连接：数据库服务器未运行，或未在此地址和端口监听。`,
    en: (p) => `${p.host} refused the connection on port ${p.port}: the database server is not running, or not listening on that address and port.`,
  }),
  'teamConnection.unknownHost': entry({
    example: { host: 'db.example.com' },
    'zh-CN': (p) => `找不到主机 ${p.host}：请检查主机名和网络（DNS）。`,
    en: (p) => `The host ${p.host} was not found: check its name and the network (DNS).`,
  }),
  'teamConnection.timeout': entry({
    example: { host: 'db.example.com', seconds: 10 },
    counts: ['seconds'],
    'zh-CN': (p) => `${p.host} 在 ${p.seconds} 秒内没有应答：可能是防火墙、地址错误或服务器繁忙。`,
    en: (p) => `${p.host} did not answer within ${count(p.seconds, 'second')}: a firewall, a wrong address or a busy server.`,
  }),
  'teamConnection.authFailed': entry({
    example: { user: 'desk' },
    'zh-CN': (p) => `用户 ${p.user} 的密码认证失败（SQLSTATE 28P01）：请检查用户名和密码。`,
    en: (p) => `Password authentication failed for user ${p.user} (SQLSTATE 28P01): check the user name and the password.`,
  }),
  'teamConnection.passwordMissing': entry({
    example: { user: 'desk' },
    'zh-CN': (p) => `服务器要求用户 ${p.user} 提供密码，但未提供密码。`,
    en: (p) => `The server asks for a password for user ${p.user}, and none was given.`,
  }),
  'teamConnection.notAllowed': entry({
    example: { user: 'desk', host: 'db.example.com' },
    'zh-CN': (p) => `${p.host} 不允许用户 ${p.user} 从这台电脑以此方式连接（SQLSTATE 28000，见服务器的 pg_hba.conf；服务器若只接受加密连接，请勿使用 sslmode=disable）。`,
    en: (p) => `${p.host} does not let user ${p.user} connect from this computer this way (SQLSTATE 28000, see the server's pg_hba.conf; if it accepts only encrypted connections, do not use sslmode=disable).`,
  }),
  'teamConnection.noDatabase': entry({
    example: { database: 'team' },
    'zh-CN': (p) => `服务器上没有名为 ${p.database} 的数据库（SQLSTATE 3D000）：请管理员先创建它。`,
    en: (p) => `The server has no database named ${p.database} (SQLSTATE 3D000): ask its administrator to create it.`,
  }),
  'teamConnection.tlsUnavailable': entry({
    example: { host: 'db.example.com' },
    'zh-CN': (p) => `${p.host} 不提供加密连接（TLS），而此连接要求加密（连接其他电脑时默认如此）。请为服务器配置 TLS；仅在可信网络中，可在地址后加 ?sslmode=disable 明确不加密。`,
    en: (p) => `${p.host} offers no encrypted connection (TLS), which this connection requires (by default, to another computer). Set TLS up on the server; on a trusted network only, add ?sslmode=disable to the URL to connect unencrypted on purpose.`,
  }),
  'teamConnection.certUntrusted': entry({
    example: { host: 'db.example.com', reason: 'SELF_SIGNED_CERT_IN_CHAIN' },
    'zh-CN': (p) => `${p.host} 的证书不受信任（${p.reason}）：请用 sslrootcert 指定签发它的根证书文件。`,
    en: (p) => `The certificate of ${p.host} is not trusted (${p.reason}): name the root certificate that issued it with sslrootcert.`,
  }),
  'teamConnection.hostMismatch': entry({
    example: { host: 'db.example.com' },
    'zh-CN': (p) => `${p.host} 的证书不是为此主机名签发的：请使用证书上的主机名连接。`,
    en: (p) => `The certificate of ${p.host} was not issued for that host name: connect with the name on the certificate.`,
  }),
  'teamConnection.other': entry({
    example: { code: '53300' },
    'zh-CN': (p) => `无法连接团队数据库（错误代码 ${p.code}）。`,
    en: (p) => `The team database could not be reached (error code ${p.code}).`,
  }),
  'teamConnection.ok': entry({
    example: { serverVersion: '16.4', tls: true, schema: 'current', desks: 3 },
    counts: ['desks'],
    'zh-CN': (p) =>
      `连接成功：PostgreSQL ${p.serverVersion}，${p.tls ? '已加密（TLS）' : '未加密'}，` +
      `${p.schema === 'current' ? '表结构为最新' : p.schema === 'behind' ? '表结构较旧，首次使用时自动升级' : '尚无团队表，首次使用时自动创建'}，已有 ${p.desks} 个工作台。`,
    en: (p) =>
      `Connected: PostgreSQL ${p.serverVersion}, ${p.tls ? 'encrypted (TLS)' : 'not encrypted'}, ` +
      `${p.schema === 'current' ? 'schema up to date' : p.schema === 'behind' ? 'schema older, upgraded on first use' : 'no team tables yet, created on first use'}, ${count(p.desks, 'desk')} so far.`,
  }),
  'teamConnection.modeLocal': entry({
    example: {},
    'zh-CN': () => '本地模式：数据只保存在这台电脑上。',
    en: () => 'Local mode: data is kept on this computer only.',
  }),
  'teamConnection.modeTeam': entry({
    example: { desk: 'desk-2', url: 'postgres://desk:***@db.example.com/team' },
    'zh-CN': (p) => `团队模式：工作台 ${p.desk}，团队数据库 ${p.url}。`,
    en: (p) => `Team mode: desk ${p.desk}, team database ${p.url}.`,
  }),
  'teamConnection.noUrl': entry({
    example: {},
    'zh-CN': () => '未设置 MICROENT_DATABASE_URL：没有要测试的团队数据库（未设置时以本地模式运行）。',
    en: () => 'MICROENT_DATABASE_URL is not set: there is no team database to test (without it, microent runs in local mode).',
  }),
}
