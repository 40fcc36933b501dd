import { computed, type Ref } from 'vue'
import type { JobStatus } from '../../../shared/domain/job'
import type { LookupRow } from '../../../shared/domain/lookup-row'
import { locale, useT } from '../i18n'
import { localized } from '../lib/bilingual'
import { industryOf, isNotAvailable, type SortKey } from '../lib/jobs'
import { beijing, formatDuration } from '../lib/time'

/** A column of the lookup list; every one sorts (the list store sorts, the table shows the arrow). */
export interface JobColumn {
  key: SortKey
  title: string
  /** px; null takes what the others leave (at least `minWidth`). */
  width: number | null
  minWidth: number
  /**
   * Which columns a narrow table (beside the detail pane, a small window) leaves out, lowest first; null: always
   * shown. Each one left out is in the detail pane, and whole columns read better than cut ones or a sideways
   * scrollbar at the bottom of a long list, out of sight.
   */
  drop: number | null
}

/** What one cell shows: plain text with a class, never a component (see JobTable). */
export interface JobCell {
  key: SortKey
  text: string
  cls: string
  /** Native tooltip for text that may be cut off with an ellipsis. */
  title?: string
}

/** The selection checkbox column on the left. */
export const CHECK_WIDTH = 40


/** Leaves out the columns with the lowest `drop` until the rest fit `width` px at their least widths. */
export function fitColumns(columns: JobColumn[], width: number): JobColumn[] {
  let need = columns.reduce((sum, c) => sum + c.minWidth, CHECK_WIDTH)
  const out = new Set(columns)
  const droppable = columns.filter((c) => c.drop !== null).sort((a, b) => (a.drop as number) - (b.drop as number))
  for (const c of droppable) {
    if (need <= width) break
    out.delete(c)
    need -= c.minWidth
  }
  return columns.filter((c) => out.has(c))
}

const PENDING: ReadonlySet<JobStatus> = new Set(['queued', 'submitting', 'polling'])
/** An expired or uncertain lookup ended without completing: no completion time is shown for it. */
const completed = (j: Pick<LookupRow, 'status'>) => j.status !== 'expired' && j.status !== 'uncertain'

/**
 * The lookup list's columns and cells. A cell is plain text in the table cell, with CSS ellipsis and a native title: a
 * component per cell (NEllipsis, NTooltip, NTag) costs a component tree each, and a fast scroll goes through hundreds.
 * `cells` reads the one-second clock only for pending rows, so a screen of finished lookups never re-renders on it.
 */
export function useJobColumns(opts: { now: Readonly<Ref<number>>; width?: Readonly<Ref<number>>; team?: Readonly<Ref<boolean>> }) {
  const t = useT()

  const all = computed<JobColumn[]>(() => {
    const c = t.value.list.columns
    // Team mode (issue 17): who charged each lookup, only once some lookup in the list is the team's (a desk alone
    // sees the list as before). It stays while the dates and the industry give way, and goes before the credit code:
    // beside the detail pane (1366 px) the pane itself says who charged the lookup open in it.
    const desk: JobColumn[] = opts.team?.value ? [{ key: 'desk', title: t.value.teamDesk.column, width: 104, minWidth: 104, drop: 5.5 }] : []
    return [
      { key: 'status', title: c.status, width: 92, minWidth: 92, drop: null },
      { key: 'keyword', title: c.keyword, width: 190, minWidth: 190, drop: null },
      { key: 'name', title: c.name, width: null, minWidth: 240, drop: null },
      ...desk,
      { key: 'credit_no', title: c.creditNo, width: 184, minWidth: 184, drop: 6 },
      { key: 'industry', title: c.industry, width: 120, minWidth: 120, drop: 5 },
      { key: 'submittedAt', title: c.submittedAt, width: 146, minWidth: 146, drop: 2 },
      { key: 'completedAt', title: c.completedAt, width: 146, minWidth: 146, drop: 1 },
      { key: 'nextPollAt', title: c.nextPoll, width: 112, minWidth: 112, drop: 4 },
      { key: 'expiresAt', title: c.expiry, width: 120, minWidth: 120, drop: 3 },
    ]
  })
  /** The columns that fit the table's width whole (all of them until it is measured). */
  const columns = computed<JobColumn[]>(() => fitColumns(all.value, opts.width?.value ?? Infinity))
  const shownKeys = computed(() => new Set(columns.value.map((c) => c.key)))
  /** The table's least width; wider windows give the rest to the company name. */
  const minWidth = computed(() => columns.value.reduce((sum, c) => sum + c.minWidth, CHECK_WIDTH))
  const a11y = computed(() => t.value.list.a11y)

  function countdown(at: number | null): string {
    if (at === null) return ''
    const left = at - opts.now.value
    return left <= 0 ? t.value.list.now : formatDuration(left, t.value.time.units)
  }

  function nameCell(j: LookupRow): JobCell {
    if (j.company && !isNotAvailable(j.company.name)) return { key: 'name', text: j.company.name, cls: 'cell-text', title: j.company.name }
    if (j.error && (j.status === 'failed' || j.status === 'uncertain')) {
      const text = localized(j.error)
      // The list cell is narrow: for an uncertain lookup it says first what matters (maybe charged, check first);
      // the whole message is the tooltip and the detail pane's.
      const shown = j.status === 'uncertain' ? t.value.list.uncertainShort : text
      return { key: 'name', text: shown, cls: 'cell-text cell-error', title: text }
    }
    return { key: 'name', text: j.status === 'no_result' ? t.value.list.noRecord : '', cls: 'cell-text muted' }
  }

  /** The status column's badge text (the first column; JobTable draws the badge). */
  function statusLabel(s: JobStatus): string {
    return t.value.status[s]
  }

  /** The cells of one row after the status badge, in the order of `columns`. */
  function cells(j: LookupRow): JobCell[] {
    const keys = shownKeys.value
    return allCells(j).filter((c) => keys.has(c.key))
  }

  /** A colleague's desk by its name; this desk's own charged call as 本机 (its name in the tooltip). */
  function deskCell(j: LookupRow): JobCell {
    const team = j.team
    const d = t.value.teamDesk
    if (!team) return { key: 'desk', text: '', cls: 'cell-text' }
    if (team.chargedHere) return { key: 'desk', text: d.here, cls: 'cell-text muted', title: d.tipHere(team.desk) }
    return { key: 'desk', text: team.desk, cls: 'cell-text', title: d.tipColleague(team.desk) }
  }

  function allCells(j: LookupRow): JobCell[] {
    const pending = PENDING.has(j.status)
    const industry = industryOf(j) ?? ''
    const creditNo = j.company && !isNotAvailable(j.company.credit_no) ? j.company.credit_no : ''
    return [
      { key: 'keyword', text: j.keyword, cls: 'cell-text', title: j.keyword },
      nameCell(j),
      deskCell(j),
      { key: 'credit_no', text: creditNo, cls: 'mono' },
      { key: 'industry', text: industry, cls: 'cell-text', title: industry || undefined },
      { key: 'submittedAt', text: beijing(j.submittedAt, false), cls: 'num' },
      { key: 'completedAt', text: completed(j) ? beijing(j.completedAt, false) : '', cls: 'num' },
      { key: 'nextPollAt', text: pending ? countdown(j.nextPollAt) : '', cls: 'num' },
      { key: 'expiresAt', text: pending ? countdown(j.expiresAt) : '', cls: 'num' },
    ]
  }

  /**
   * What a row's cells depend on besides the row itself: the language, and the clock for a pending row's countdowns.
   * JobTable memoises each row on it (v-memo), so a scroll step renders only the rows that changed.
   */
  function rowDeps(j: LookupRow): [string, number, number] {
    return [locale.value, PENDING.has(j.status) ? opts.now.value : 0, columns.value.length]
  }

  return { columns, minWidth, cells, statusLabel, a11y, rowDeps }
}
