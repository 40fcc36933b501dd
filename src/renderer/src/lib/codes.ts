/** "JUHE_10001" -> "10001": the number Juhe's own documents and support use; other codes stay as they are. */
export function codeLabel(code: string | null | undefined): string {
  if (!code) return ''
  return code.startsWith('JUHE_') ? code.slice(5) : code
}
