/**
 * Long loops written once as generators that `yield` now and then, and run either straight through
 * (parseKeywordBuffer) or in time slices that give the event loop a turn every `sliceMs` (readKeywordFile).
 */
export type Steps<T> = Generator<void, T, void>

export function runSync<T>(steps: Steps<T>): T {
  let step = steps.next()
  while (!step.done) step = steps.next()
  return step.value
}

export async function runSliced<T>(steps: Steps<T>, sliceMs = 8): Promise<T> {
  let since = performance.now()
  let step = steps.next()
  while (!step.done) {
    if (performance.now() - since >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve))
      since = performance.now()
    }
    step = steps.next()
  }
  return step.value
}

/** How many loop iterations between yields (each yield only checks the clock). */
export const STEP_ROWS = 256

/**
 * For loops that await anyway (streams): returns null while less than `sliceMs` of synchronous work has passed
 * since the last turn, else a promise that gives the event loop one.
 */
export function slicer(sliceMs: number): () => Promise<void> | null {
  let since = performance.now()
  return () => {
    if (performance.now() - since < sliceMs) return null
    return new Promise((resolve) =>
      setImmediate(() => {
        since = performance.now()
        resolve()
      }),
    )
  }
}
