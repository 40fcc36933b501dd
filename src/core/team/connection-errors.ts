/**
 * Whether an error from the team database means "it does not answer" (the desk goes offline: charged calls wait,
 * the rest goes on) rather than a fault in what was asked. Errors of the network, of a server shutting down or
 * refusing connections, and the driver's own "connection terminated" (which carries no code) are the former. So is a
 * login the server refuses (a wrong or missing password, pg_hba.conf, a database not there, a certificate not
 * trusted): the desk cannot meet its database until that changes, and as a fault it stayed 'connecting' for ever, the
 * user told nothing (the key store refusing the password at start ends there too). Test connection says which.
 */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE'])

/** Node's TLS refusals of the server's certificate (use-cases/team-connection.ts names each). */
const CERTIFICATE_REFUSED =
  /^(ERR_TLS_CERT_ALTNAME_INVALID|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT(_LOCALLY)?|CERT_HAS_EXPIRED|CERT_NOT_YET_VALID|CERT_UNTRUSTED|CERT_REVOKED|CERT_SIGNATURE_FAILURE|UNABLE_TO_DECRYPT_CERT_SIGNATURE)$/

/**
 * SQLSTATE classes: 08 connection exception, 57P0x operator intervention (shutdown, cannot connect now), 53 resources;
 * at login, 28 invalid authorization and 3D000 no such database.
 */
function serverGone(state: string): boolean {
  return state.startsWith('08') || /^57P0[1-4]$/.test(state) || state.startsWith('53') || state.startsWith('28') || state === '3D000'
}

export function isConnectionError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code
  if (typeof code === 'string') return NETWORK_CODES.has(code) || serverGone(code) || CERTIFICATE_REFUSED.test(code)
  const message = e instanceof Error ? e.message : String(e)
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended|client password must be a string|The server does not support SSL connections/i.test(
    message,
  )
}
