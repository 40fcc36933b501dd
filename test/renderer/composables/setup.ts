import { defineComponent, h } from 'vue'
import { mountApp } from '../mount'

/** Runs a composable in the setup of a component mounted with the app's providers; hands back what it returned. */
export function withSetup<T>(use: () => T) {
  let result: T | undefined
  const wrapper = mountApp(
    defineComponent({
      setup() {
        result = use()
        return () => h('div')
      },
    }),
  )
  return { result: result as T, wrapper }
}
