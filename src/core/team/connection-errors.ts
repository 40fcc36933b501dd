/**
 * Whether an error from the team database means "it does not answer" (the desk goes offline: charged calls wait,
 * the rest goes on) rather than a fault in what was asked. Errors of the network, of a server shutting down or
 * refusing connections, and the driver's own "connection terminated" (which carries no code) are the former.
 */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE'])

/** SQLSTATE classes: 08 connection exception, 57P0x operator intervention (shutdown, cannot connect now), 53 resources. */
function serverGone(state: string): boolean {
  return state.startsWith('08') || /^57P0[1-4]$/.test(state) || state.startsWith('53')
}

export function isConnectionError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code
  if (typeof code === 'string') return NETWORK_CODES.has(code) || serverGone(code)
  const message = e instanceof Error ? e.message : String(e)
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended/i.test(message)
}
