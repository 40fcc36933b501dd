import { useDialog } from 'naive-ui'
import { h } from 'vue'
import type { Job, JobStatus } from '../../../shared/domain/job'
import { sameCompanyKey } from '../../../shared/domain/keyword'
import { useT } from '../i18n'
import { RESUBMITTABLE, UNDELETABLE, useListStore } from '../stores/list'
import { useLookupsStore } from '../stores/lookups'
import { useMoney } from './useMoney'
import { useReport } from './useReport'

/** What the actions need of a lookup: a list row or the whole lookup of the detail pane. */
type Lookup = Pick<Job, 'id' | 'status' | 'keyword' | 'normalized'>

/**
 * The list's actions. Anything that charges says how many calls it costs and asks first; resubmitting an
 * uncertain lookup also says it may already have been paid for.
 */
export function useListActions() {
  const dialog = useDialog()
  const t = useT()
  const list = useListStore()
  const lookups = useLookupsStore()
  const report = useReport()
  const money = useMoney()

  /** `skipped`: selected lookups the action leaves alone (said, so the count in the button is not a surprise). */
  function confirmCharged(title: string, jobs: Lookup[], onYes: () => Promise<void>, skipped = 0, sameCompany = 0): void {
    const uncertain = jobs.filter((j) => j.status === 'uncertain').length
    const noResult = jobs.filter((j) => j.status === 'no_result').length
    const m = t.value.confirm
    dialog.warning({
      title,
      content: () =>
        h('div', { class: 'confirm-body' }, [
          h('p', m.chargedBody(jobs.length)),
          money(jobs.length) ? h('p', { 'data-test': 'confirm-money' }, t.value.money.about(money(jobs.length) ?? '')) : null,
          uncertain ? h('p', { class: 'confirm-warning' }, m.uncertainWarning(uncertain)) : null,
          noResult ? h('p', { class: 'confirm-warning' }, m.noResultWarning(noResult)) : null,
          sameCompany ? h('p', { class: 'muted' }, m.sameCompanyNote(sameCompany)) : null,
          skipped ? h('p', { class: 'muted' }, m.skippedNote(skipped)) : null,
        ]),
      positiveText: m.chargedButton(jobs.length),
      negativeText: t.value.common.cancel,
      onPositiveClick: onYes,
    })
  }

  async function resubmit(jobs: Lookup[]): Promise<void> {
    const res = await lookups.resubmit(jobs.map((j) => j.id))
    if (!res.ok) return report.error(res.error)
    report.success(t.value.confirm.resubmitted(res.value.jobIds.length))
    list.selected = list.selected.filter((id) => !res.value.jobIds.includes(id))
  }

  function resubmitSelected(statuses: readonly JobStatus[], title: string): void {
    const selected = list.selectedJobs
    // One call per company, as main sends them (several lookups of one company are resubmitted once).
    const seen = new Set<string>()
    const applicable = selected.filter((j) => statuses.includes(j.status))
    const jobs = applicable.filter((j) => {
      const key = sameCompanyKey(j.normalized)
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
    if (jobs.length === 0) return report.info(t.value.confirm.nothingApplies)
    confirmCharged(title, jobs, () => resubmit(jobs), selected.length - applicable.length, applicable.length - jobs.length)
  }

  /** Looks up `jobs` again (a batch's re-run): one call per company, after the same cost confirmation. */
  function resubmitLookups(jobs: Lookup[], title: string): void {
    const seen = new Set<string>()
    const once = jobs.filter((j) => !seen.has(sameCompanyKey(j.normalized)) && seen.add(sameCompanyKey(j.normalized)))
    if (once.length === 0) return report.info(t.value.confirm.nothingApplies)
    confirmCharged(title, once, () => resubmit(once), 0, jobs.length - once.length)
  }

  /** Refresh from the detail pane: a done lookup is looked up again as a new (forced) lookup; others are resubmitted. */
  function refresh(job: Lookup, opened: (id: string) => void): void {
    confirmCharged(t.value.confirm.refreshTitle, [job], async () => {
      if (RESUBMITTABLE.includes(job.status)) return resubmit([job])
      const res = await lookups.submit([{ text: job.keyword }], true)
      if (!res.ok) return report.error(res.error)
      const id = res.value.jobIds[0]
      if (id) {
        report.success(t.value.confirm.resubmitted(1))
        opened(id)
      } else report.info(t.value.confirm.notCharged)
    })
  }

  function deleteSelected(): void {
    const all = list.selectedJobs
    const jobs = all.filter((j) => !UNDELETABLE.includes(j.status))
    const skipped = all.length - jobs.length
    if (jobs.length === 0) return report.info(t.value.confirm.deleteNone)
    const m = t.value.confirm
    dialog.error({
      title: m.deleteTitle,
      content: () => h('div', [h('p', m.deleteBody(jobs.length)), skipped ? h('p', { class: 'muted' }, m.deleteSkipped(skipped)) : null]),
      positiveText: m.deleteButton(jobs.length),
      negativeText: t.value.common.cancel,
      onPositiveClick: async () => {
        const res = await lookups.remove(jobs.map((j) => j.id))
        if (!res.ok) return report.error(res.error)
        report.success(m.deleted(res.value.deleted.length))
      },
    })
  }

  async function exportList(): Promise<void> {
    const res = await list.exportNow()
    if (!res.ok) return report.error(res.error)
    const { rows, fileName, path, reveal } = res.value
    report.saved(t.value.list.exported(rows, fileName), path, reveal ? () => list.showExport(reveal) : null)
  }

  return {
    retryFailed: () => resubmitSelected(['failed'], t.value.confirm.retryTitle),
    resubmit: () => resubmitSelected(['expired', 'uncertain', 'no_result'], t.value.confirm.resubmitTitle),
    resubmitLookups,
    deleteSelected,
    exportList,
    refresh,
  }
}
