import type { MessageApi, MessageOptions, NotificationApi, NotificationOptions, NotificationReactive } from 'naive-ui'

/*
 * One toast per text at a time. Repeated actions (copy, copy, copy) and repeated engine events (the same failure
 * reported by each lookup of a batch) used to stack identical toasts on top of each other; naive-ui has no such
 * merging of its own (its providers' `max` only drops the oldest), so a repeat while one is on screen counts on the
 * one shown ("… ×3") instead. The registry is the module's, since every component has its own useReport().
 */
type Kind = 'success' | 'info' | 'warning' | 'error'

interface Shown {
  count: number
  show: (count: number) => void
  /** The notification itself, so a caller's button can close it (messages have none). */
  reactive: NotificationReactive | null
}

const showing = new Map<string, Shown>()

/** "text ×3" for the third of a burst. */
export function counted(text: string, count: number): string {
  return count > 1 ? `${text} ×${count}` : text
}

function forget(key: string, entry: Shown): () => void {
  // Only this toast's own entry: a later one with the same text may already have taken the key.
  return () => {
    if (showing.get(key) === entry) showing.delete(key)
  }
}

/** A message (the small toast at the top), shown once while the same one is on screen. */
export function message(api: MessageApi, kind: Kind, text: string, opts: MessageOptions = {}): void {
  const key = `message:${kind}:${text}`
  const seen = showing.get(key)
  if (seen) {
    seen.show(++seen.count)
    return
  }
  const entry: Shown = { count: 1, show: () => undefined, reactive: null }
  const leave = forget(key, entry)
  const m = api[kind](text, {
    ...opts,
    onLeave: () => {
      leave()
      opts.onLeave?.()
    },
  })
  entry.show = (count) => (m.content = counted(text, count))
  showing.set(key, entry)
}

/** A notification (bottom right), shown once while one with the same title and content is on screen. */
export function notify(api: NotificationApi, kind: Kind, opts: NotificationOptions): NotificationReactive {
  const title = typeof opts.title === 'string' ? opts.title : ''
  const key = `notification:${kind}:${title}:${typeof opts.content === 'string' ? opts.content : ''}:${typeof opts.meta === 'string' ? opts.meta : ''}`
  const seen = showing.get(key)
  if (seen?.reactive) {
    seen.show(++seen.count)
    return seen.reactive
  }
  const entry: Shown = { count: 1, show: () => undefined, reactive: null }
  const leave = forget(key, entry)
  const n = api[kind]({
    ...opts,
    onLeave: () => {
      leave()
      opts.onLeave?.()
    },
    onAfterLeave: () => {
      leave()
      opts.onAfterLeave?.()
    },
  })
  entry.show = (count) => (n.title = counted(title, count))
  entry.reactive = n
  showing.set(key, entry)
  return n
}
