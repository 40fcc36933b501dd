/**
 * Column codecs for tables sent column by column (see lookup-table.ts): sparse columns (values for some rows, with
 * their positions as steps), time columns (differences, in whole ms or µs) and dictionary-coded columns. Builders
 * write them; readers go through them row by row, in step with a decoding loop.
 */

export interface Sparse<T> {
  at: number[] | null
  v: T[]
}

export interface TimeColumn extends Sparse<number> {
  /** Differences in whole µs (decoded: the sum / 1000), for times that are not whole ms. */
  micro?: true
  /** The values as they are: some are not whole µs. */
  abs?: true
}

export interface Coded<T> {
  dict: T[]
  code: number[]
}


/* ---------- writing ---------- */

export class SparseBuilder<T> {
  readonly at: number[] = []
  readonly v: T[] = []
  private last = -1

  add(row: number, value: T): void {
    this.at.push(row - this.last)
    this.last = row
    this.v.push(value)
  }

  build(count: number): Sparse<T> {
    return { at: this.v.length === count ? null : this.at, v: this.v }
  }
}

export class TimeBuilder extends SparseBuilder<number> {
  maybe(row: number, value: number | null): void {
    if (value !== null) this.add(row, value)
  }

  /** Differences in whole ms, else in whole µs, else the values as they are. */
  buildTimes(count: number): TimeColumn {
    const col = this.build(count)
    if (toDifferences(col.v, 1)) return col
    if (toDifferences(col.v, 1000)) return { ...col, micro: true }
    return { ...col, abs: true }
  }
}

/**
 * Replaces `v` (ms) by the differences of its values in 1/scale ms, in place, when every value is exactly a whole
 * number of those units and every difference a safe integer; otherwise leaves `v` as it was and returns false.
 */
function toDifferences(v: number[], scale: 1 | 1000): boolean {
  let prev = 0
  for (let k = 0; k < v.length; k++) {
    const x = v[k] as number
    const units = scale === 1 ? x : Math.round(x * scale)
    const d = units - prev
    if (!Number.isSafeInteger(units) || units / scale !== x || !Number.isSafeInteger(d)) {
      let sum = 0
      for (let m = 0; m < k; m++) v[m] = (sum += v[m] as number) / scale
      return false
    }
    v[k] = d
    prev = units
  }
  return true
}

export class CodedBuilder<T> {
  readonly dict: T[] = []
  readonly code: number[] = []
  private readonly index = new Map<unknown, number>()

  add(value: T, key: unknown = value): void {
    let c = this.index.get(key)
    if (c === undefined) {
      c = this.dict.length
      this.index.set(key, c)
      this.dict.push(value)
    }
    this.code.push(c)
  }

  build(): Coded<T> {
    return { dict: this.dict, code: this.code }
  }
}

/* ---------- reading ---------- */

export class LookupTableError extends Error {
  constructor(what: string) {
    super(`lookup table: ${what}`)
    this.name = 'LookupTableError'
  }
}

export function bad(what: string): never {
  throw new LookupTableError(what)
}

/**
 * Reads a sparse column row by row, in step with the decoding loop (no column-long array in between). A position
 * that is not a whole step forward, or past the last row, leaves values unread, which `end` reports.
 */
export class SparseReader<T> {
  private k = 0
  private next: number
  private readonly at: number[] | null
  private readonly v: T[]

  constructor(
    col: Sparse<T>,
    private readonly what: string,
  ) {
    this.at = col.at
    this.v = col.v
    if (this.at !== null && this.at.length !== this.v.length) bad(`${what}: ${this.at.length} positions for ${this.v.length} values`)
    this.next = this.v.length === 0 ? -1 : this.at === null ? 0 : (this.at[0] as number) - 1
  }

  /** Whether row `i` has a value; if so, `take` gives it. */
  has(i: number): boolean {
    return i === this.next
  }

  take(): T {
    const value = this.v[this.k++] as T
    this.next = this.k === this.v.length ? -1 : this.at === null ? this.next + 1 : this.next + (this.at[this.k] as number)
    return value
  }

  end(count: number): void {
    if (this.k !== this.v.length) bad(`${this.what}: ${this.v.length - this.k} of ${this.v.length} values not in any of the ${count} rows`)
  }
}

export class TimeReader extends SparseReader<number> {
  private sum = 0
  private readonly abs: boolean
  private readonly scale: number

  constructor(col: TimeColumn, what: string) {
    super(col, what)
    this.abs = col.abs === true
    this.scale = col.micro === true ? 1000 : 1
  }

  get(i: number): number | null {
    if (!this.has(i)) return null
    const x = this.take()
    return this.abs ? x : (this.sum += x) / this.scale
  }
}

export function codes<T>(col: Coded<T>, count: number, what: string): { dict: T[]; code: number[] } {
  if (col.code.length !== count) bad(`${what}: ${col.code.length} codes for ${count} rows`)
  return col
}

export function lookUp<T>(dict: T[], code: number, what: string): T {
  const v = dict[code]
  return v === undefined ? bad(`${what}: unknown code`) : v
}

