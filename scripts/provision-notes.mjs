// What scripts/provision-electron.mjs says during `npm install`: why the Electron download failed (in words, not
// the last line of a stack trace), and what the EBADENGINE warnings printed on Node 20 mean.

/** Node versions that run everything, Electron 45 and its build tooling included. */
export const ELECTRON_NODE = [22, 12]

/** A URL's user name and password are never repeated (a proxy address may carry them). */
function redact(text) {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/gi, '$1***@')
}

/**
 * The reason an Electron download failed, from the installer's stderr (an error message followed by stack frames)
 * and spawnSync's own error (a timeout): the kind of failure first (network, proxy, checksum, HTTP status, timeout),
 * then the error's own message.
 */
export function downloadFailureReason({ stderr = '', error = null, timeoutMs = 0, env = {} } = {}) {
  if (error && /ETIMEDOUT/.test(String(error.code ?? error.message))) return `timed out after ${Math.round(timeoutMs / 1000)} s`
  if (error) return redact(String(error.message ?? error))
  const lines = String(stderr)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !/^at\s/.test(l) && !/^[\^~]+$/.test(l) && !/^node:internal|^\S+:\d+$/.test(l))
  const message = lines.find((l) => /error|failed|mismatch|status|ENOTFOUND|ECONN|ETIMEDOUT|EAI_AGAIN|proxy|certificate/i.test(l)) ?? lines[0] ?? ''
  const all = String(stderr)
  const proxy = env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy || env.ELECTRON_GET_USE_PROXY
  let kind
  if (/checksum|sha256|integrity/i.test(all)) kind = 'checksum mismatch: the downloaded file is not the one published'
  else if (/\b407\b|proxy|tunnel/i.test(all)) kind = 'the proxy refused or failed the connection'
  else if (/status code (\d{3})|HTTPError|Response code (\d{3})|\b40[34]\b/.test(all)) {
    const code = /(?:status code|Response code|HTTP)\D{0,3}(\d{3})/i.exec(all)?.[1]
    kind = code ? `the server answered HTTP ${code}` : 'the server refused the download'
  } else if (/ENOTFOUND|EAI_AGAIN|getaddrinfo/.test(all)) kind = 'network error: the download host could not be resolved (offline, or DNS)'
  else if (/certificate|CERT_|SSL|TLS/i.test(all)) kind = 'TLS certificate problem (a proxy that inspects https?)'
  else if (/fetch failed|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|socket|network/i.test(all)) {
    kind = proxy ? 'network error, through the proxy set in the environment' : 'network error: the download host cannot be reached (offline, or a network that reaches only the npm registry)'
  }
  const said = redact(message)
  if (kind && said) return `${kind}; ${said}`
  return kind ?? (said || 'unknown error')
}

/**
 * On Node older than 22.12: one line saying that npm's EBADENGINE warnings about electron (and its tooling) are
 * expected, and what they mean. Null on Node 22.12+.
 */
export function engineNote(version = process.versions.node) {
  const [major, minor] = version.split('.').map(Number)
  if (major > ELECTRON_NODE[0] || (major === ELECTRON_NODE[0] && minor >= ELECTRON_NODE[1])) return null
  return (
    `[microent] Node ${version}: the "npm warn EBADENGINE" lines above (electron and its build tooling want Node >= 22.12) are expected. ` +
    'The core, the CLI, the tests and the browser test host run on Node 20.19+; building, packaging or running the desktop app needs Node 22.12+.'
  )
}
