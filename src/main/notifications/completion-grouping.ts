import { completionSummary, oneCompletion, type Completion, type Lang } from './notification-texts'

export type NotificationMode = 'off' | 'failures' | 'all'
export type ClickTarget = { type: 'lookup'; id: string } | { type: 'batch'; batchId: string } | null

export interface NotificationSpec {
  kind: 'completion' | 'alert'
  title: string
  body: string
  target: ClickTarget
}

/** Up to this many finished lookups get one notification each; more become one summary. */
export const MAX_INDIVIDUAL = 3

/** "Failures only" means lookups that need doing again; "no result" is an answer, not a failure. */
export function completionsForMode(items: readonly Completion[], mode: NotificationMode): Completion[] {
  if (mode === 'off') return []
  if (mode === 'failures') return items.filter((c) => c.status === 'failed' || c.status === 'expired')
  return [...items]
}

/**
 * A few completions: one notification each, opening that lookup. Many: one summary, opening their batch when they
 * all belong to one, otherwise just the window.
 */
export function groupCompletions(items: readonly Completion[], lang: Lang, batchName: (id: string) => string | null): NotificationSpec[] {
  if (items.length === 0) return []
  if (items.length <= MAX_INDIVIDUAL) {
    return items.map((c) => ({ kind: 'completion', ...oneCompletion(c, lang), target: { type: 'lookup', id: c.jobId } }))
  }
  const batches = new Set(items.map((c) => c.batchId))
  const only = batches.size === 1 ? [...batches][0] : null
  const target: ClickTarget = only ? { type: 'batch', batchId: only } : null
  return [{ kind: 'completion', ...completionSummary(items, lang, only ? batchName(only) : null), target }]
}
