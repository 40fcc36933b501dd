import { describe, expect, it } from 'vitest'
import { ConfBackedStore, type ConfLike } from '../../../../src/core/store/conf-backed-store'

/** A conf stand-in that counts whole-store writes (each one an atomic file write in conf). */
function fakeConf(initial: Record<string, unknown>) {
  let store = initial
  let writes = 0
  const conf: ConfLike & { writes: () => number } = {
    path: '/data/queue.json',
    get store() {
      return store
    },
    set store(value) {
      store = { ...value }
      writes++
    },
    writes: () => writes,
  }
  return conf
}

describe('ConfBackedStore', () => {
  it('reads the file once and writes the whole object through conf on each change', () => {
    const conf = fakeConf({ a: 1 })
    const store = new ConfBackedStore(conf)
    expect(store.get('a')).toBe(1)
    store.set('b', 2)
    store.setMany({ c: 3, d: 4 })
    store.delete('a')
    expect(conf.writes()).toBe(3)
    expect(conf.store).toMatchObject({ b: 2, c: 3, d: 4 })
    expect(conf.store).not.toHaveProperty('a')
    expect(store.path).toBe('/data/queue.json')
  })

  it("keeps conf's own bookkeeping key in the file but out of what it lists", () => {
    const conf = fakeConf({ jobs: {} })
    const store = new ConfBackedStore(conf)
    store.set('schemaVersion', 1)
    expect(conf.store).toHaveProperty('__internal__')
    expect(store.all()).toEqual({ jobs: {}, schemaVersion: 1 })
    const kept = fakeConf({ __internal__: { migrations: { version: '1' } } })
    new ConfBackedStore(kept).set('x', 1)
    expect(kept.store.__internal__).toEqual({ migrations: { version: '1' } })
  })
})
