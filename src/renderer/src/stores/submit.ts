import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import type { ImportPreview, KeywordInput, Plan, PlanRow, SubmitSourceRef } from '../../../shared/ipc/contract'
import type { IpcError } from '../../../shared/ipc/result'
import type { MessageData } from '../../../shared/messages'
import { invoke } from '../ipc/client'
import { useLookupsStore } from './lookups'

/** A keyword issue, or a cell the import could not read: a code and a catalogue message. */
export type PreviewIssue = { code: string; suggestion?: string; text: MessageData }

/** A row of the preview: a planned row, or an imported cell that could not be read (never charged). */
export type PreviewRow = Omit<PlanRow, 'errors' | 'warnings'> & { errors: PreviewIssue[]; warnings: PreviewIssue[]; fromFile: boolean }

export interface Submitted {
  jobIds: string[]
  batchId: string | null
  charged: number
}

/** Splits pasted text into keywords; the row is the line number, so messages point at the right line. */
export function inputsFromText(text: string): KeywordInput[] {
  const out: KeywordInput[] = []
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    if (line.trim() !== '') out.push({ text: line, row: i + 1 })
  })
  return out
}

/** What will be charged, before anything is: a plan for the pasted text or an imported file, then a confirmed submit. */
export const useSubmitStore = defineStore('submit', () => {
  const lookups = useLookupsStore()
  const text = ref('')
  const batchName = ref('')
  const force = ref(false)
  const imported = ref<ImportPreview | null>(null)
  const plan = ref<Plan | null>(null)
  const planning = ref(false)
  const submitting = ref(false)
  const importing = ref(false)
  const error = ref<IpcError | null>(null)
  /**
   * Rows the user chose to charge although their code's check character is wrong ("charge anyway"), with the text
   * they agreed to: an edit that moves another text to that row does not inherit the consent.
   */
  const optedIn = ref<ReadonlyMap<number, string>>(new Map())
  /** The inputs the current plan was made for: confirm sends exactly these. */
  let plannedInputs: KeywordInput[] = []
  /** Changes with every edit, so a plan that comes back for text since edited is dropped. */
  let edits = 0

  const source = computed<'paste' | 'file'>(() => (imported.value ? 'file' : 'paste'))
  const needsColumn = computed(() => imported.value !== null && imported.value.column === null && imported.value.needsColumnChoice !== null)
  const unreadable = computed<PreviewRow[]>(() =>
    (imported.value?.rows ?? [])
      .filter((r) => r.problem)
      .map((r) => ({
        row: r.row,
        input: r.text,
        normalized: r.text,
        kind: 'invalid' as const,
        valid: false,
        errors: r.problem ? [r.problem] : [],
        warnings: [],
        duplicateOf: null,
        charged: false,
        fromFile: true,
      })),
  )
  const rows = computed<PreviewRow[]>(() => {
    const planned = (plan.value?.rows ?? []).map((r) => ({ ...r, fromFile: source.value === 'file' }))
    return [...planned, ...unreadable.value].sort((a, b) => a.row - b.row)
  })
  const summary = computed(() => ({
    total: rows.value.length,
    charged: plan.value?.charged ?? 0,
    invalid: (plan.value?.invalid ?? 0) + unreadable.value.length,
    duplicates: plan.value?.duplicates ?? 0,
    warnings: rows.value.filter((r) => r.warnings.length > 0).length,
    awaitingOptIn: plan.value?.awaitingOptIn ?? 0,
  }))

  // Any edit makes the shown plan stale: it must never be confirmed for text it was not made for. Synchronous, so
  // an edit followed at once by preview() counts as before it, not as an edit during it.
  watch(
    text,
    () => {
      edits++
      if (source.value === 'paste') plan.value = null
    },
    { flush: 'sync' },
  )
  watch(force, () => {
    if (plan.value) void preview()
  })

  function currentInputs(): KeywordInput[] {
    const inputs = imported.value ? imported.value.rows.filter((r) => !r.problem).map((r) => ({ text: r.text, row: r.row })) : inputsFromText(text.value)
    return inputs.map((i) => (i.row !== undefined && optedIn.value.get(i.row) === i.text ? { ...i, allowBadCheck: true } : i))
  }

  async function preview(): Promise<boolean> {
    const inputs = currentInputs()
    error.value = null
    if (inputs.length === 0) {
      plan.value = null
      return false
    }
    planning.value = true
    const at = edits
    const res = await lookups.plan(inputs, force.value)
    planning.value = false
    if (at !== edits) return false
    if (!res.ok) {
      error.value = res.error
      return false
    }
    plannedInputs = inputs
    plan.value = res.value
    return true
  }

  async function importFile(): Promise<IpcError | null> {
    importing.value = true
    const res = await invoke('import:open')
    importing.value = false
    if (!res.ok) return res.error.code === 'CANCELLED' ? null : res.error
    imported.value = res.value
    plan.value = null
    optedIn.value = new Map()
    if (!needsColumn.value) await preview()
    return null
  }

  /** Reads the file again with the user's choice: the keyword column, or that the first row is data, not a header. */
  async function chooseColumn(index: number, opts: { hasHeader?: boolean } = {}): Promise<IpcError | null> {
    const token = imported.value?.token
    if (!token) return null
    importing.value = true
    const res = await invoke('import:choose-column', { token, column: index, ...opts })
    importing.value = false
    if (!res.ok) return res.error
    imported.value = res.value
    await preview()
    return null
  }

  /** Replaces one input by the suggested correction, then plans again. */
  async function applySuggestion(row: number, suggestion: string): Promise<void> {
    if (imported.value) {
      imported.value = { ...imported.value, rows: imported.value.rows.map((r) => (r.row === row ? { ...r, text: suggestion } : r)) }
      edits++
    } else {
      const lines = text.value.split(/\r\n|\r|\n/)
      if (row - 1 < lines.length) lines[row - 1] = suggestion
      text.value = lines.join('\n')
    }
    await preview()
  }

  /** "Charge anyway" for one row whose check character is wrong, or taking that back; then plans again. */
  async function setOptIn(row: number, on: boolean): Promise<void> {
    const next = new Map(optedIn.value)
    const input = currentInputs().find((i) => i.row === row)
    if (on && input) next.set(row, input.text)
    else next.delete(row)
    optedIn.value = next
    edits++
    await preview()
  }

  /** Leaves one row out (the user's answer to a row that should not be looked up as it is); then plans again. */
  async function dropRow(row: number): Promise<void> {
    if (imported.value) {
      imported.value = { ...imported.value, rows: imported.value.rows.filter((r) => r.row !== row) }
      edits++
    } else {
      const lines = text.value.split(/\r\n|\r|\n/)
      // Blank, not removed: the other rows keep their line numbers (and their opt-ins).
      if (row - 1 < lines.length) lines[row - 1] = ''
      text.value = lines.join('\n')
    }
    await preview()
  }

  /**
   * Submits the plan shown. A failure says how many of its lookups were queued all the same (a large batch is
   * written in parts; those queued are charged as planned), so the user knows what was and was not charged.
   */
  async function confirm(): Promise<{ ok: true; value: Submitted } | { ok: false; error: IpcError; queued: number }> {
    submitting.value = true
    const before = new Set(lookups.jobs.map((j) => j.id))
    const source: SubmitSourceRef = imported.value ? { kind: 'file', token: imported.value.token } : { kind: 'typed' }
    const res = await lookups.submit(plannedInputs, force.value, batchName.value.trim() || undefined, source)
    submitting.value = false
    if (!res.ok) return { ...res, queued: lookups.jobs.filter((j) => !before.has(j.id) && j.status === 'queued').length }
    reset()
    return { ok: true, value: { jobIds: res.value.jobIds, batchId: res.value.batchId, charged: res.value.plan.charged } }
  }

  function clearImport(): void {
    imported.value = null
    plan.value = null
    optedIn.value = new Map()
  }

  function reset(): void {
    text.value = ''
    batchName.value = ''
    force.value = false
    imported.value = null
    plan.value = null
    plannedInputs = []
    optedIn.value = new Map()
    error.value = null
  }

  return {
    text,
    batchName,
    force,
    imported,
    plan,
    planning,
    submitting,
    importing,
    error,
    source,
    needsColumn,
    rows,
    summary,
    preview,
    importFile,
    chooseColumn,
    applySuggestion,
    setOptIn,
    dropRow,
    optedIn,
    confirm,
    clearImport,
    reset,
  }
})
