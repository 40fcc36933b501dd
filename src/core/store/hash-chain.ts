import { createHash } from 'node:crypto'

/**
 * The charged-call record's hash chain. Every line the app appends carries `prev`, the chain state before it, and
 * `hash`, the SHA-256 of that state and the line's own content; the state then becomes `hash`. Any other line
 * (written before this version, a line cut by a crash, or text put in by hand) is folded into the state as it is,
 * so the next chained line vouches for everything before it. An edited line no longer matches its own hash; a line
 * added, removed or changed before a chained line breaks that line's link. Truncation at the end is what the seal
 * (record-seal.ts) catches, and an export prints the head so a later one can show the earlier record unchanged.
 */

/** SHA-256 of the empty string, written out: loading this module then does not load node:crypto (tested equal). */
export const CHAIN_START = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'

/** The app's note that line `line` was cut by a crash (it is kept, folded into the chain, and named here). */
export interface RepairNote {
  repair: { line: number; kind: 'torn' }
  at: number
}

export type ChainBreakKind =
  /** The line's content no longer gives its hash: it was edited. */
  | 'edited'
  /** The line does not follow from the lines before it: one before it was added, removed or edited. */
  | 'link'
  /** A whole line without a link after the chain began, that no repair names: put in by hand. */
  | 'unchained'

export interface ChainBreak {
  /** 1-based line number in the file. */
  line: number
  kind: ChainBreakKind
}

export interface ChainReport {
  /** Lines in the file (a cut last line counts). */
  lines: number
  chained: number
  /** The first chained line; null: nothing chained yet (a record from before this version, or empty). */
  firstChained: number | null
  /** The chain state after the last line: what the next line links to, and what an export prints. */
  head: string
  /** Every break, in file order (after a break the check goes on from the line that broke). */
  breaks: ChainBreak[]
  /** Lines a repair note names as cut by a crash. */
  repaired: number[]
  /** The last line has no line break (cut by a crash, not yet repaired): the next append repairs it. */
  torn: boolean
  /** With `find`: the line after which the chain had that state (0: the start), or null when it never had it. */
  found: number | null
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

const HEX64 = /^[0-9a-f]{64}$/

/** A line's hash given the state before it: the state and the content, with a separator no JSON line contains. */
export function linkHash(prev: string, content: string): string {
  return sha256(`${prev}\n${content}`)
}

/** The state after a line that carries no link of its own. */
export function foldLine(state: string, raw: string): string {
  return sha256(`${state}\n\u0000${raw}`)
}

/** The line to append for `entry` after `state`, and the state after it. */
export function chainLine(entry: object, state: string): { line: string; state: string } {
  const hash = linkHash(state, JSON.stringify(entry))
  return { line: JSON.stringify({ ...entry, prev: state, hash }), state: hash }
}

/** A parsed line's entry without its link, and the link; null when the line carries no link. */
export function unlink(value: unknown): { entry: Record<string, unknown>; prev: string; hash: string } | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null
  const { prev, hash, ...entry } = value as Record<string, unknown>
  if (typeof prev !== 'string' || typeof hash !== 'string' || !HEX64.test(prev) || !HEX64.test(hash)) return null
  return { entry, prev, hash }
}

export function isRepairNote(value: unknown): value is RepairNote {
  const r = (value as { repair?: unknown } | null)?.repair as Record<string, unknown> | undefined
  return typeof r === 'object' && r !== null && Number.isInteger(r.line) && r.kind === 'torn'
}

function parse(raw: string): unknown {
  try {
    return JSON.parse(raw)
  } catch {
    return undefined
  }
}

/** The file's lines, and whether the last one was cut (no line break after it). */
function splitLines(text: string): { raws: string[]; torn: boolean } {
  const torn = text.length > 0 && !text.endsWith('\n')
  const raws = text.split('\n')
  if (!torn) raws.pop() // the empty piece after the last line break
  return { raws, torn }
}

/** Checks the whole record's text. */
export function verifyChain(text: string, opts: { find?: string } = {}): ChainReport {
  const { raws, torn } = splitLines(text)
  let found: number | null = opts.find === CHAIN_START ? 0 : null
  let state = CHAIN_START
  let firstChained: number | null = null
  let chained = 0
  const breaks: ChainBreak[] = []
  const repaired = new Set<number>()
  const unnamed: number[] = [] // whole unchained lines after the chain began, until a repair names them
  raws.forEach((raw, i) => {
    const line = i + 1
    const link = unlink(parse(raw))
    if (!link) {
      if (firstChained !== null && !(torn && line === raws.length)) unnamed.push(line)
      state = foldLine(state, raw)
      if (found === null && state === opts.find) found = line
      return
    }
    firstChained ??= line
    chained++
    if (link.prev !== state) breaks.push({ line, kind: 'link' })
    else if (linkHash(link.prev, JSON.stringify(link.entry)) !== link.hash) breaks.push({ line, kind: 'edited' })
    if (isRepairNote(link.entry)) repaired.add(link.entry.repair.line)
    // After a break the line that broke is taken as it is, so one edit is reported once, not for every line after it.
    state = link.hash
    if (found === null && state === opts.find) found = line
  })
  for (const line of unnamed) if (!repaired.has(line)) breaks.push({ line, kind: 'unchained' })
  breaks.sort((a, b) => a.line - b.line)
  return { lines: raws.length, chained, firstChained, head: state, breaks, repaired: [...repaired].sort((a, b) => a - b), torn, found }
}

/** The chain state after the whole text (what the next appended line links to), without checking anything. */
export function chainState(text: string): string {
  let state = CHAIN_START
  for (const raw of splitLines(text).raws) {
    const link = unlink(parse(raw))
    state = link ? link.hash : foldLine(state, raw)
  }
  return state
}
