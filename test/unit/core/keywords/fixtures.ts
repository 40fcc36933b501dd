/** Deterministic generators shared by the keyword tests. */
import { CREDIT_CODE_ALPHABET, creditCodeCheckChar } from '../../../../src/core/keywords/credit-code'
import { regNoCheckDigit } from '../../../../src/core/keywords/reg-no'

/** mulberry32: small seeded PRNG, returns floats in [0, 1). */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function pick(random: () => number, chars: string): string {
  return chars.charAt(Math.floor(random() * chars.length))
}

function digits(random: () => number, count: number): string {
  let out = ''
  for (let i = 0; i < count; i++) out += pick(random, '0123456789')
  return out
}

/**
 * A random credit code with a correct check character, shaped like a real one: authority+type
 * (mostly 91/92/93), six-digit division code, nine organisation-code characters from the alphabet.
 */
export function randomCreditCode(random: () => number): string {
  const head = pick(random, '9999995Y1') + pick(random, '1123')
  let org = ''
  for (let i = 0; i < 9; i++) org += pick(random, CREDIT_CODE_ALPHABET)
  const first17 = head + digits(random, 6) + org
  return first17 + creditCodeCheckChar(first17)
}

/** A random 15-digit registration number with a correct check digit. */
export function randomRegNo(random: () => number): string {
  const first14 = digits(random, 14)
  return first14 + regNoCheckDigit(first14)
}

/** Full-width form of printable ASCII (space becomes the ideographic space). */
export function toFullWidth(text: string): string {
  return text.replace(/[\x20-\x7e]/g, (ch) =>
    ch === ' ' ? '\u3000' : String.fromCharCode(ch.charCodeAt(0) + 0xfee0),
  )
}
