import type { Directive } from 'vue'

/*
 * Cell texts and tooltips of the lookup list, kept out of scrolling's way: each frame of a fast scroll hands ~8 rows
 * new texts, and a changed `title` attribute, or a text node replaced (what Vue does for {{ }}), makes the browser
 * re-style the cell. So a cell's text node is rewritten in place (v-cell-text), and the tooltip of a cell that may
 * be cut off (marked data-tip) is set when the pointer reaches it (tipOnHover, on the rows' container).
 */
export const vCellText: Directive<HTMLElement, string> = {
  mounted: (el, { value }) => void el.replaceChildren(document.createTextNode(value)),
  updated(el, { value, oldValue }) {
    if (value === oldValue) return
    const node = el.firstChild
    // Even an empty text keeps its node, so a cell that is empty on one row and filled on the next is rewritten too.
    if (node instanceof Text && node === el.lastChild) node.data = value
    else el.replaceChildren(document.createTextNode(value))
  },
}

export function tipOnHover(e: MouseEvent): void {
  const cell = e.target instanceof Element ? e.target.closest('.jt-td') : null
  if (!(cell instanceof HTMLElement)) return
  // The cell's node may have shown another row before (rows are recycled): a cell without data-tip loses its tip.
  if (!cell.hasAttribute('data-tip')) return cell.removeAttribute('title')
  const text = cell.textContent ?? ''
  if (cell.title !== text) cell.title = text
}
