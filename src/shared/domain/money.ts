/** A count of charged calls in yuan at the price the user set (null when no price is set). */
export function yuan(calls: number, pricePerCall: number | null): number | null {
  if (pricePerCall === null || !Number.isFinite(pricePerCall)) return null
  // Whole fen, rounded half up: 3 × 0.1 is ¥0.30, 7 × 1.005 is ¥7.04 (binary floats alone would give 7.03).
  const micro = Math.round(calls * pricePerCall * 1_000_000)
  return Math.round(micro / 10_000) / 100
}

/** "¥12.00", or null when no price is set. */
export function formatYuan(calls: number, pricePerCall: number | null): string | null {
  const amount = yuan(calls, pricePerCall)
  return amount === null ? null : `¥${amount.toFixed(2)}`
}
