import { getCurrentScope, onScopeDispose, ref, type Ref } from 'vue'

/** One shared one-second clock for every countdown on screen; it stops when nothing shows one. */
const now = ref(Date.now())
let users = 0
let timer: ReturnType<typeof setInterval> | null = null

export function useNow(): Readonly<Ref<number>> {
  users++
  if (timer === null) {
    now.value = Date.now()
    timer = setInterval(() => (now.value = Date.now()), 1000)
  }
  if (getCurrentScope()) {
    onScopeDispose(() => {
      users--
      if (users === 0 && timer !== null) {
        clearInterval(timer)
        timer = null
      }
    })
  }
  return now
}
