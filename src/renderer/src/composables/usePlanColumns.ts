import { NButton, NTag, type DataTableColumns } from 'naive-ui'
import { computed, h } from 'vue'
import StatusTag from '../components/StatusTag.vue'
import { say, useT } from '../i18n'
import type { PreviewIssue, PreviewRow } from '../stores/submit'
import { formatDuration } from '../lib/time'
import { useNow } from './useNow'

export interface PlanRowActions {
  /** Look the row up by the suggested correction. */
  suggestion: (row: number, suggestion: string) => void
  /** "Charge anyway" for a code whose check character is wrong (or take it back). */
  optIn: (row: number, on: boolean) => void
  /** Leave the row out. */
  drop: (row: number) => void
}

/** Columns of the pre-charge preview: what each row is, what is wrong with it, whether it costs a call. */
export function usePlanColumns(actions: PlanRowActions) {
  const t = useT()
  const now = useNow()
  const text = (i: PreviewIssue) => say(i.text)

  const issues = (r: PreviewRow) => {
    const out = [
      ...r.errors.map((i) => h('div', { class: 'issue error', 'data-code': i.code }, text(i))),
      ...r.warnings.map((i) => h('div', { class: 'issue warning', 'data-code': i.code }, text(i))),
    ]
    const fix = [...r.errors, ...r.warnings].find((i) => i.suggestion)
    const drop = () => h(NButton, { size: 'tiny', text: true, 'data-test': 'drop-row', onClick: () => actions.drop(r.row) }, { default: () => t.value.submit.dropRow })
    if (fix?.suggestion) {
      const suggestion = fix.suggestion
      out.push(
        h('div', { class: 'issue suggestion' }, [
          h('span', { class: 'mono' }, t.value.submit.suggest(suggestion)),
          h(NButton, { size: 'tiny', type: 'primary', text: true, 'data-test': 'apply-fix', onClick: () => actions.suggestion(r.row, suggestion) }, { default: () => t.value.submit.applySuggestion }),
          drop(),
        ]),
      )
    }
    // Charged only on the user's word, and the choice stays visible in red.
    if (r.valid && r.optIn === 'bad_check' && r.duplicateOf?.type !== 'row' && !fix) {
      out.push(
        h('div', { class: 'issue opt-in' }, [
          r.charged
            ? h(NButton, { size: 'tiny', type: 'error', secondary: true, 'data-test': 'opt-out', onClick: () => actions.optIn(r.row, false) }, { default: () => t.value.submit.optedIn })
            : h(NButton, { size: 'tiny', type: 'error', text: true, 'data-test': 'opt-in', onClick: () => actions.optIn(r.row, true) }, { default: () => t.value.submit.chargeAnyway }),
          r.charged ? null : drop(),
        ]),
      )
    }
    return out.length ? out : h('span', { class: 'ok' }, t.value.submit.valid)
  }

  const duplicate = (r: PreviewRow) => {
    const d = r.duplicateOf
    if (!d) return ''
    if (d.type === 'row') return t.value.submit.dupRow(d.row)
    const age = formatDuration(now.value - d.at, t.value.time.units)
    const text = d.via ? t.value.submit.dupVia(age, t.value.submit.via[d.via]) : t.value.submit.dupLookup(age, r.charged)
    return h('span', { class: 'dup', 'data-via': d.via ?? null }, [h(StatusTag, { status: d.status }), ' ', text])
  }

  return computed<DataTableColumns<PreviewRow>>(() => {
    const c = t.value.submit.columns
    return [
      { key: 'row', title: c.row, width: 64, render: (r) => h('span', { class: 'num' }, String(r.row)) },
      { key: 'input', title: c.input, width: 240, ellipsis: { tooltip: true } },
      {
        key: 'kind',
        title: c.kind,
        width: 150,
        render: (r) => h(NTag, { size: 'small', bordered: false, type: r.kind === 'invalid' ? 'error' : 'default' }, { default: () => t.value.kind[r.kind] }),
      },
      {
        key: 'normalized',
        title: c.normalized,
        width: 220,
        ellipsis: { tooltip: true },
        render: (r) => (r.kind !== 'invalid' && r.normalized !== r.input ? h('span', { class: 'mono' }, r.normalized) : ''),
      },
      { key: 'issues', title: c.issues, minWidth: 260, render: issues },
      { key: 'dup', title: c.duplicate, width: 230, render: duplicate },
      {
        key: 'charged',
        title: c.charged,
        width: 90,
        render: (r) =>
          r.charged
            ? h('b', { class: r.optIn === 'bad_check' ? 'charged charged-anyway' : 'charged' }, t.value.submit.chargedYes)
            : h('span', { class: 'muted' }, r.valid && r.optIn === 'bad_check' && !r.duplicateOf ? t.value.submit.chargedAwaiting : t.value.submit.chargedNo),
      },
    ]
  })
}
