import { mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import JobTable from '../../src/renderer/src/components/JobTable.vue'
import { locale } from '../../src/renderer/src/i18n'
import type { SortKey, SortOrder } from '../../src/renderer/src/lib/jobs'
import type { LookupRow } from '../../src/shared/domain/lookup-row'
import { company, row } from './fake-api'

interface Props {
  rows: LookupRow[]
  activeId?: string | null
  sortKey?: SortKey | null
  sortOrder?: SortOrder
  selected?: string[]
}

let wrapper: VueWrapper | null = null

/** The table with its v-model:selected wired back into its props, as LookupsView uses it. */
function mountTable(p: Props) {
  const w = mount(JobTable, {
    props: {
      rows: p.rows,
      activeId: p.activeId ?? null,
      sortKey: p.sortKey ?? null,
      sortOrder: p.sortOrder ?? 'descend',
      selected: p.selected ?? [],
      'onUpdate:selected': (ids: string[]) => void w.setProps({ selected: ids }),
    },
    slots: { empty: '<p class="nothing">没有符合筛选条件的查询</p>' },
    attachTo: document.body,
  })
  wrapper = w
  return w
}

const many = (n: number) => Array.from({ length: n }, (_, i) => row({ keyword: `企业${i}`, status: i % 2 ? 'done' : 'polling', result: i % 2 ? company({ name: `企业${i}有限公司` }) : null }))
const bodyRows = (w: VueWrapper) => w.findAll('.jt-body .jt-row')
const rowIndexes = (w: VueWrapper) => bodyRows(w).map((r) => Number(r.attributes('aria-rowindex')))
const scroller = (w: VueWrapper) => w.find('.jt-scroll')
const lastSelected = (w: VueWrapper) => (w.emitted('update:selected')?.at(-1)?.[0] ?? null) as string[] | null

beforeEach(() => {
  locale.value = 'zh-CN'
  document.body.innerHTML = ''
})
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
})

describe('JobTable', () => {
  it('renders only a window of 10,000 rows, in order, and the rows further down once scrolled there', async () => {
    const rows = many(10_000)
    const w = mountTable({ rows })
    expect(bodyRows(w).length).toBeGreaterThan(15)
    expect(bodyRows(w).length).toBeLessThan(80)
    expect(rowIndexes(w).slice(0, 3)).toEqual([2, 3, 4]) // aria-rowindex: the header is row 1
    expect(bodyRows(w)[0]?.text()).toContain('企业0')
    expect(scroller(w).attributes('aria-rowcount')).toBe('10001')
    // The table is as tall as every row, so the scrollbar is honest.
    expect(w.find('.jt').attributes('style')).toContain(`height: ${40 + 10_000 * 40}px`)

    const el = scroller(w).element as HTMLElement
    el.scrollTop = 200_000 // row 5,000 at the top
    await scroller(w).trigger('scroll')
    const shown = rowIndexes(w).map((i) => i - 2)
    expect(shown).toContain(5000)
    expect(Math.min(...shown)).toBeGreaterThan(4980)
    expect(bodyRows(w).length).toBeLessThan(80)
    const at5000 = bodyRows(w).find((r) => r.attributes('aria-rowindex') === '5002')
    expect(at5000?.attributes('style')).toContain('top: 200000px')
    expect(at5000?.text()).toContain('企业5000')
  })

  it('shows the texts and classes the list is known by', async () => {
    const failed = row({ status: 'failed', error: { code: 'JUHE_277702', message: '关键词格式不被接受 / The keyword was rejected as invalid' } })
    const noResult = row({ status: 'no_result' })
    const done = row({ status: 'done', result: company(), submittedAt: Date.UTC(2025, 2, 1, 2, 0), completedAt: Date.UTC(2025, 2, 1, 2, 5) })
    const polling = row({ status: 'polling', nextPollAt: Date.now() + 90_000 })
    const w = mountTable({ rows: [failed, noResult, done, polling] })
    const [f, n, d, p] = bodyRows(w)
    expect(f?.find('[data-status=failed]').classes()).toContain('status-badge')
    expect(f?.find('.cell-error').text()).toBe('关键词格式不被接受')
    expect(n?.find('.muted').text()).toBe('未查到记录')
    expect(d?.find('[data-status=done]').text()).toBe('已完成')
    // Tooltips of texts that may be cut off are set when the pointer reaches the cell (not while scrolling).
    const name = d?.findAll('.jt-td')[3]
    expect(name?.attributes('title')).toBeUndefined()
    await name?.trigger('mouseover')
    expect(name?.attributes('title')).toBe('成都成电光信科技股份有限公司')
    expect(d?.find('.mono').attributes('data-tip')).toBeUndefined()
    // A recycled cell that no longer may be cut off loses the tooltip it had for another row.
    const code = d?.find('.mono')
    code?.element.setAttribute('title', '上一行的名称')
    await code?.trigger('mouseover')
    expect(code?.attributes('title')).toBeUndefined()
    expect(d?.find('.mono').text()).toBe('91510100MA61R6XQ3J')
    expect(d?.text()).toContain('2025-03-01 10:05') // Beijing time
    expect(p?.text()).toMatch(/1分\s*\d+秒|1分/)
    expect(w.findAll('.jt-head .jt-th').map((th) => th.text())).toEqual(['', '状态', '查询关键词', '企业名称', '统一社会信用代码', '所属门类', '提交时间', '完成时间', '下次查询', '距过期'])
  })

  it('speaks English when the app does', async () => {
    const w = mountTable({ rows: [row({ status: 'no_result' })] })
    locale.value = 'en'
    await w.vm.$nextTick()
    expect(w.find('.jt-head .jt-th[data-key=keyword]').text()).toBe('Keyword')
    expect(w.find('.jt-body [data-status=no_result]').text()).toBe('No result')
    expect(w.find('.jt-head .jt-check input').attributes('aria-label')).toBe('Select all shown lookups')
  })

  it('sorts from the header: ascend, descend, off, with aria-sort and the arrow', async () => {
    const w = mountTable({ rows: many(3) })
    const th = () => w.find('.jt-head .jt-th[data-key=name]')
    expect(th().attributes('aria-sort')).toBe('none')
    await th().trigger('click')
    expect(w.emitted('sort')?.at(-1)).toEqual(['name', 'ascend'])

    await w.setProps({ sortKey: 'name', sortOrder: 'ascend' })
    expect(th().attributes('aria-sort')).toBe('ascending')
    expect(th().classes()).toContain('sorted')
    expect(th().find('.jt-arrow').classes()).toContain('up')
    await th().find('button').trigger('click')
    expect(w.emitted('sort')?.at(-1)).toEqual(['name', 'descend'])

    await w.setProps({ sortOrder: 'descend' })
    expect(th().attributes('aria-sort')).toBe('descending')
    expect(th().find('.jt-arrow').classes()).not.toContain('up')
    await th().trigger('click')
    expect(w.emitted('sort')?.at(-1)).toEqual(['name', false])

    // Another column starts again from ascend.
    await w.find('.jt-head .jt-th[data-key=status]').trigger('click')
    expect(w.emitted('sort')?.at(-1)).toEqual(['status', 'ascend'])
  })

  it('opens a row on click and highlights the active one', async () => {
    const rows = many(3)
    const w = mountTable({ rows, activeId: rows[1]!.id })
    expect(bodyRows(w)[1]?.classes()).toContain('row-active')
    expect(bodyRows(w)[0]?.classes()).not.toContain('row-active')
    await bodyRows(w)[2]!.find('.jt-td:nth-child(3)').trigger('click')
    expect(w.emitted('open')).toEqual([[rows[2]!.id]])
    expect(w.emitted('update:selected')).toBeUndefined()
  })

  it('ticks rows from their checkbox cell without opening them, and ranges with shift', async () => {
    const rows = many(6)
    const w = mountTable({ rows })
    await bodyRows(w)[1]!.find('.jt-check').trigger('click')
    expect(lastSelected(w)).toEqual([rows[1]!.id])
    expect(bodyRows(w)[1]?.attributes('aria-selected')).toBe('true')
    expect(bodyRows(w)[1]!.find('[role=checkbox]').attributes('aria-checked')).toBe('true')
    expect(bodyRows(w)[1]!.find('.jt-box').classes()).toContain('on')
    expect(bodyRows(w)[0]!.find('[role=checkbox]').attributes('aria-checked')).toBe('false')
    expect(w.emitted('open')).toBeUndefined()

    await bodyRows(w)[4]!.find('.jt-check').trigger('click', { shiftKey: true })
    expect(lastSelected(w)).toEqual(rows.slice(1, 5).map((r) => r.id))

    await bodyRows(w)[2]!.find('.jt-check').trigger('click')
    expect(lastSelected(w)).toEqual([rows[1]!.id, rows[3]!.id, rows[4]!.id])
  })

  it('selects all shown rows from the header, with an indeterminate state, leaving rows filtered away alone', async () => {
    const rows = many(4)
    const hidden = 'job-filtered-away'
    const w = mountTable({ rows, selected: [hidden] })
    const all = () => w.find('.jt-head .jt-check input').element as HTMLInputElement
    expect(all().checked).toBe(false)
    expect(all().indeterminate).toBe(false)

    await bodyRows(w)[0]!.find('.jt-check').trigger('click')
    expect(all().checked).toBe(false)
    expect(all().indeterminate).toBe(true)

    await w.find('.jt-head .jt-check input').trigger('change')
    expect(new Set(lastSelected(w))).toEqual(new Set([hidden, ...rows.map((r) => r.id)]))
    expect(all().checked).toBe(true)
    expect(all().indeterminate).toBe(false)

    await w.find('.jt-head .jt-check input').trigger('change')
    expect(lastSelected(w)).toEqual([hidden])
    expect(all().checked).toBe(false)
  })

  it('shows the empty slot, and a header that cannot select anything, when no row is shown', () => {
    const w = mountTable({ rows: [] })
    expect(bodyRows(w)).toHaveLength(0)
    expect(w.find('.jt-empty .nothing').text()).toBe('没有符合筛选条件的查询')
    expect(w.find('.jt-head .jt-check input').attributes('disabled')).toBeDefined()
    expect(w.findAll('.jt-head .jt-th')).toHaveLength(10)
  })

  it('moves a keyboard cursor with the arrows, Home/End and pages, opens with Enter and ticks with Space', async () => {
    const rows = many(500)
    const w = mountTable({ rows })
    const grid = scroller(w)
    expect(grid.attributes('role')).toBe('grid')
    expect(grid.attributes('tabindex')).toBe('0')
    const cursor = () => grid.attributes('aria-activedescendant')
    const cursorRow = () => w.find(`.jt-body .jt-row[id="${cursor()}"]`)

    await grid.trigger('focus')
    expect(cursorRow().attributes('data-id')).toBe(rows[0]!.id)
    await grid.trigger('keydown', { key: 'ArrowDown' })
    await grid.trigger('keydown', { key: 'ArrowDown' })
    expect(cursorRow().attributes('data-id')).toBe(rows[2]!.id)
    expect(cursorRow().classes()).toContain('row-cursor')
    await grid.trigger('keydown', { key: 'ArrowUp' })
    expect(cursorRow().attributes('data-id')).toBe(rows[1]!.id)

    await grid.trigger('keydown', { key: 'Enter' })
    expect(w.emitted('open')).toEqual([[rows[1]!.id]])
    await grid.trigger('keydown', { key: ' ' })
    expect(lastSelected(w)).toEqual([rows[1]!.id])

    // End goes to the last row, scrolling it into view (it was not rendered before).
    await grid.trigger('keydown', { key: 'End' })
    expect(cursorRow().exists()).toBe(true)
    expect(cursorRow().attributes('data-id')).toBe(rows[499]!.id)
    expect(cursorRow().attributes('aria-rowindex')).toBe('501')
    await grid.trigger('keydown', { key: 'PageUp' })
    const afterPage = Number(cursorRow().attributes('aria-rowindex')) - 2
    expect(afterPage).toBeLessThan(499)
    expect(afterPage).toBeGreaterThan(470)
    await grid.trigger('keydown', { key: 'Home' })
    expect(cursorRow().attributes('data-id')).toBe(rows[0]!.id)

    // Keys on the header's own controls are theirs.
    await w.find('.jt-head .jt-th[data-key=status] button').trigger('keydown', { key: 'ArrowDown' })
    expect(cursorRow().attributes('data-id')).toBe(rows[0]!.id)
  })

  it('keeps row nodes while scrolling and puts them back in document order once scrolling rests', async () => {
    const rows = many(1000)
    const w = mountTable({ rows })
    const el = scroller(w).element as HTMLElement
    const before = new Set(bodyRows(w).map((r) => r.element))
    el.scrollTop = 40 * 10
    await scroller(w).trigger('scroll')
    // The same nodes show other rows: none created, none removed.
    expect(new Set(bodyRows(w).map((r) => r.element))).toEqual(before)
    await new Promise((r) => setTimeout(r, 200))
    const order = rowIndexes(w)
    expect(order).toEqual([...order].sort((a, b) => a - b))
    expect(order[0]).toBe(2 + 10 - 6) // the first visible row, less the overscan
  })
})
