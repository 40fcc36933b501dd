import { mount } from '@vue/test-utils'
import { NDialogProvider, NMessageProvider, NNotificationProvider } from 'naive-ui'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { defineComponent, h, type Component } from 'vue'
import { useLookupsStore } from '../../src/renderer/src/stores/lookups'
import { useNavStore } from '../../src/renderer/src/stores/nav'
import BatchView from '../../src/renderer/src/views/BatchView.vue'

/** Mounts a component inside the providers the app gives it (pinia, naive-ui messages, dialogs, notifications). */
export function mountApp(component: Component, props: Record<string, unknown> = {}, pinia: Pinia = createPinia()) {
  setActivePinia(pinia)
  const Root = defineComponent({
    setup: () => () =>
      h(NNotificationProvider, null, {
        default: () => h(NMessageProvider, null, { default: () => h(NDialogProvider, null, { default: () => h(component, props) }) }),
      }),
  })
  return mount(Root, { global: { plugins: [pinia] }, attachTo: document.body })
}

/** Lets pending promises (fake IPC answers) and Vue's scheduler run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0))
}

/** The view of batch `id` opened as from the list, the lookups loaded first (from the fake api installed). */
export async function mountBatchView(id: string) {
  const pinia = createPinia()
  setActivePinia(pinia)
  await useLookupsStore().load()
  useNavStore().openBatch(id)
  const w = mountApp(BatchView, {}, pinia)
  await settle()
  return w
}
