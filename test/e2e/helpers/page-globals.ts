/**
 * The browser globals that callbacks run inside the page use. The e2e files compile with Node's lib (no DOM), so
 * in-page code reaches them as `(globalThis as unknown as PageGlobals)`; the cast vanishes when the callback is sent.
 */
export interface PageGlobals {
  document: {
    documentElement: { lang: string; scrollWidth: number }
    activeElement: unknown
    querySelector(selector: string): { scrollTop: number } | null
    getAnimations(): { playState: string; effect: { getTiming(): { iterations?: number } } | null }[]
    fonts: { ready: Promise<unknown>; check(font: string): boolean }
  }
  requestAnimationFrame(cb: () => void): number
  getComputedStyle(el: unknown): { backgroundColor: string; color: string }
}
