/**
 * Log lines pass through here before they are written: the key must never reach a log file, even when some code
 * logs a URL or an error that quotes one.
 */
const KEY_PARAM = /([?&](?:key|appkey|api_key)=)[^&\s"']+/gi
// Juhe keys are 32 hex characters; a jobid or credit code never is.
const HEX32 = /\b[0-9a-f]{32}\b/gi

export function redactSecrets(text: string, secrets: readonly (string | null)[]): string {
  let out = text
  for (const s of secrets) {
    if (s && s.length >= 4) out = out.split(s).join('[redacted]')
  }
  return out.replace(KEY_PARAM, '$1[redacted]').replace(HEX32, '[redacted]')
}
