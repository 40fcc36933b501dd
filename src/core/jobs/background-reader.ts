import type { Timers } from '../ports'

/**
 * Files left to read after start-up: read one per tick in the background (`start`), or all that are left at once
 * when something needs them now (`readNow`). Listeners hear once, when the last one is in.
 */
export class BackgroundReader {
  private reading: Promise<void> | null = null
  private listeners: Array<() => void> = []

  constructor(
    private readonly queue: string[],
    private readonly read: (name: string) => void,
    private readonly timers: Timers,
    private readonly onFinished: () => void = () => {},
  ) {
    if (!queue.length) onFinished()
  }

  get finished(): boolean {
    return this.queue.length === 0
  }

  get left(): number {
    return this.queue.length
  }

  start(): Promise<void> {
    if (this.reading) return this.reading
    if (this.finished) return Promise.resolve()
    this.reading = new Promise<void>((resolve, reject) => {
      const step = () => {
        try {
          const name = this.queue.shift()
          if (name !== undefined) this.read(name)
          if (this.queue.length) return void this.timers.setTimeout(step, 0)
          this.finish()
          resolve()
        } catch (err) {
          reject(err instanceof Error ? err : new Error(String(err)))
        }
      }
      this.timers.setTimeout(step, 0)
    })
    return this.reading
  }

  readNow(): void {
    if (this.finished) return
    while (this.queue.length) this.read(this.queue.shift() as string)
    this.finish()
  }

  /** Runs `fn` once the last file is read (at once if none is left). */
  whenFinished(fn: () => void): void {
    if (this.finished && !this.reading) return fn()
    this.listeners.push(fn)
  }

  private finish(): void {
    this.onFinished()
    this.reading = null
    const listeners = this.listeners
    this.listeners = []
    for (const fn of listeners) fn()
  }
}
