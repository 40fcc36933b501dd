import type { DataTableColumns } from 'naive-ui'
import { computed, h, type Ref } from 'vue'
import type { LookupRow } from '../../../shared/domain/lookup-row'
import { locale, useT } from '../i18n'
import { localized } from '../lib/bilingual'
import { industryOf, isNotAvailable, type SortKey, type SortOrder } from '../lib/jobs'
import { beijing, formatDuration } from '../lib/time'

/*
 * Cells are plain spans with CSS ellipsis and a native title: naive-ui's NEllipsis/NTooltip/NTag per cell cost a
 * component tree each, and a fast scroll through 10,000 rows creates and destroys thousands of them.
 */
const text = (value: string, cls = 'cell-text') => h('span', { class: cls, title: value || undefined }, value)
const muted = (value: string) => h('span', { class: 'cell-text muted' }, value)

/** The lookup list's columns; sorting is done by the list store (remote), the table only shows the arrows. */
export function useJobColumns(opts: { now: Readonly<Ref<number>>; sort: () => { key: SortKey | null; order: SortOrder } }) {
  const t = useT()

  const order = (key: SortKey) => (opts.sort().key === key ? opts.sort().order : false)
  const countdown = (at: number | null, pending: boolean) => {
    if (!pending || at === null) return ''
    const left = at - opts.now.value
    return left <= 0 ? t.value.list.now : formatDuration(left, t.value.time.units)
  }

  return computed<DataTableColumns<LookupRow>>(() => {
    const c = t.value.list.columns
    const pendingStatus = (j: LookupRow) => j.status === 'queued' || j.status === 'submitting' || j.status === 'polling'
    return [
      { type: 'selection', width: 40, fixed: 'left' },
      {
        key: 'status',
        title: c.status,
        width: 92,
        sorter: true,
        sortOrder: order('status'),
        render: (j) => h('span', { class: `status-badge status-${j.status}`, 'data-status': j.status }, t.value.status[j.status]),
      },
      { key: 'keyword', title: c.keyword, width: 190, sorter: true, sortOrder: order('keyword'), render: (j) => text(j.keyword) },
      {
        key: 'name',
        title: c.name,
        width: 240,
        sorter: true,
        sortOrder: order('name'),
        render: (j) => {
          if (j.company && !isNotAvailable(j.company.name)) return text(j.company.name)
          if (j.error && (j.status === 'failed' || j.status === 'uncertain')) return text(localized(j.error, locale.value), 'cell-text cell-error')
          return muted(j.status === 'no_result' ? t.value.list.noRecord : '')
        },
      },
      {
        key: 'credit_no',
        title: c.creditNo,
        width: 184,
        sorter: true,
        sortOrder: order('credit_no'),
        render: (j) => (j.company && !isNotAvailable(j.company.credit_no) ? h('span', { class: 'mono' }, j.company.credit_no) : ''),
      },
      { key: 'industry', title: c.industry, width: 120, sorter: true, sortOrder: order('industry'), render: (j) => text(industryOf(j) ?? '') },
      { key: 'submittedAt', title: c.submittedAt, width: 146, sorter: true, sortOrder: order('submittedAt'), render: (j) => h('span', { class: 'num' }, beijing(j.submittedAt, false)) },
      { key: 'completedAt', title: c.completedAt, width: 146, sorter: true, sortOrder: order('completedAt'), render: (j) => h('span', { class: 'num' }, beijing(j.completedAt, false)) },
      {
        key: 'nextPollAt',
        title: c.nextPoll,
        width: 112,
        sorter: true,
        sortOrder: order('nextPollAt'),
        render: (j) => h('span', { class: 'num' }, countdown(j.nextPollAt, pendingStatus(j))),
      },
      {
        key: 'expiresAt',
        title: c.expiry,
        width: 120,
        sorter: true,
        sortOrder: order('expiresAt'),
        render: (j) => h('span', { class: 'num' }, countdown(j.expiresAt, pendingStatus(j))),
      },
    ]
  })
}
