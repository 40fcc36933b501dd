/** Small deterministic PRNG helpers for the simulator (mulberry32 seeded through FNV-1a). */

export type Rng = () => number

/** FNV-1a hash of the seed's text form, as an unsigned 32-bit integer. */
export function hashSeed(seed: number | string): number {
  const s = String(seed)
  let h = 2166136261 >>> 0
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 16777619)
  }
  return h >>> 0
}

/** A PRNG in [0, 1). Different `stream` names give independent sequences for the same seed. */
export function createRng(seed: number | string, stream = ''): Rng {
  let a = hashSeed(`${String(seed)}/${stream}`)
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Integer in [min, max] inclusive. */
export function randInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1))
}

export function chance(rng: Rng, p: number): boolean {
  return rng() < p
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)]
  if (item === undefined) throw new Error('pick() from an empty list')
  return item
}

/** Picks by weight: `items` are `[value, weight]` pairs. */
export function pickWeighted<T>(rng: Rng, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0)
  let r = rng() * total
  for (const [value, w] of items) {
    r -= w
    if (r < 0) return value
  }
  const last = items[items.length - 1]
  if (!last) throw new Error('pickWeighted() from an empty list')
  return last[0]
}

/** Standard normal variate (Box-Muller). */
export function normal(rng: Rng): number {
  const u1 = 1 - rng() // (0, 1]
  const u2 = rng()
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2)
}

/** z for the 90th percentile of the standard normal distribution. */
const Z90 = 1.2815515655446004

/** A lognormal variate given its median and 90th percentile. */
export function lognormal(rng: Rng, median: number, p90: number): number {
  const sigma = Math.log(p90 / median) / Z90
  return median * Math.exp(sigma * normal(rng))
}

export function randomHex(rng: Rng, length: number): string {
  let out = ''
  for (let i = 0; i < length; i++) out += Math.floor(rng() * 16).toString(16)
  return out
}

/** A UUID-shaped string (version 4 layout) drawn from `rng`. */
export function randomUuid(rng: Rng): string {
  const h = randomHex(rng, 32).split('')
  h[12] = '4'
  h[16] = '89ab'[Math.floor(rng() * 4)] ?? '8'
  const s = h.join('')
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`
}
