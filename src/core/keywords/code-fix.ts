/**
 * The one-character-per-slip correction of a code typed with letters that codes never use. GB 32100 leaves out
 * I, O, S, V and Z because they are read as 1, 0, 5, U/Y and 2; a lower-case l is the digit 1 as often as not.
 * A correction is offered only where the check character then holds, so it is evidence, not a guess.
 */

/** What each letter outside the alphabet is mistaken for, most likely first. */
const LOOKALIKES: Readonly<Record<string, readonly string[]>> = {
  O: ['0'],
  I: ['1'],
  S: ['5'],
  Z: ['2'],
  V: ['U', 'Y'],
}

function replaceAt(text: string, index: number, ch: string): string {
  return text.slice(0, index) + ch + text.slice(index + 1)
}

/** `code` with every O, I, S, Z read as the digit it looks like (V, which has no single reading, kept). */
export function swapLookalikes(code: string): string {
  return code.replace(/[OISZ]/g, (ch) => LOOKALIKES[ch]?.[0] ?? ch)
}

/** Every reading of the look-alike letters in `code`, each position independently (bounded: at most 2^k of V). */
function readings(code: string): string[] {
  let out = [code]
  for (let i = 0; i < code.length; i++) {
    const options = LOOKALIKES[code.charAt(i)]
    if (!options) continue
    out = out.flatMap((c) => options.map((o) => replaceAt(c, i, o)))
    if (out.length > 64) return []
  }
  return out
}

/**
 * The one corrected code that reading the look-alikes (and a typed lower-case l as 1) makes valid, or null.
 * `code` is upper-cased; `typed` is the same text before upper-casing, to find where a lower-case l was typed.
 */
export function lookalikeFix(code: string, typed: string, isValid: (c: string) => boolean): string | null {
  const found = new Set(readings(code).filter(isValid))
  if (found.size === 0) {
    const ells: number[] = []
    for (let i = 0; i < typed.length; i++) if (typed.charAt(i) === 'l') ells.push(i)
    const base = swapLookalikes(code)
    for (const i of ells) {
      const candidate = replaceAt(base, i, '1')
      if (isValid(candidate)) found.add(candidate)
    }
    if (found.size === 0 && ells.length > 1) {
      const all = ells.reduce((text, i) => replaceAt(text, i, '1'), base)
      if (isValid(all)) found.add(all)
    }
  }
  found.delete(code)
  return found.size === 1 ? ([...found][0] ?? null) : null
}
