import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, h, ref, withDirectives } from 'vue'
import { tipOnHover, vCellText } from '../../../src/renderer/src/lib/cell-text'

describe('v-cell-text', () => {
  it('writes the text, then rewrites the same text node in place, an empty one included', async () => {
    const text = ref('甲')
    const w = mount(defineComponent({ setup: () => () => withDirectives(h('span'), [[vCellText, text.value]]) }))
    const node = w.element.firstChild
    expect(w.text()).toBe('甲')
    text.value = ''
    await w.vm.$nextTick()
    text.value = '乙'
    await w.vm.$nextTick()
    expect(w.text()).toBe('乙')
    expect(w.element.firstChild).toBe(node)
  })

  it('replaces what is not one text node', async () => {
    const text = ref('甲')
    const w = mount(defineComponent({ setup: () => () => withDirectives(h('span'), [[vCellText, text.value]]) }))
    w.element.append(document.createElement('b'))
    text.value = '乙'
    await w.vm.$nextTick()
    expect(w.element.childNodes).toHaveLength(1)
    expect(w.text()).toBe('乙')
  })
})

describe('tipOnHover', () => {
  function cell(tip: boolean, text: string): HTMLElement {
    const td = document.createElement('div')
    td.className = 'jt-td'
    if (tip) td.setAttribute('data-tip', '')
    const inner = document.createElement('span')
    inner.textContent = text
    td.append(inner)
    return td
  }

  it('sets the tooltip of a cell marked data-tip to its text when the pointer reaches it', () => {
    const td = cell(true, '成都成电光信科技股份有限公司')
    tipOnHover({ target: td.firstChild } as unknown as MouseEvent)
    expect(td.title).toBe('成都成电光信科技股份有限公司')
  })

  it('takes the tooltip away from a recycled cell without data-tip, and ignores what is not a cell', () => {
    const td = cell(false, '已完成')
    td.title = '旧的'
    tipOnHover({ target: td } as unknown as MouseEvent)
    expect(td.hasAttribute('title')).toBe(false)
    expect(() => tipOnHover({ target: document.body } as unknown as MouseEvent)).not.toThrow()
    expect(() => tipOnHover({ target: null } as unknown as MouseEvent)).not.toThrow()
  })
})
