import { describe, expect, it } from 'vitest'
import { chainEntry, verifyTeamChain, type ChainedRow, type TeamIntentEntry } from '../../../../src/core/team/charge-chain'
import { CHAIN_START } from '../../../../src/core/store/hash-chain'

const intent = (n: number): TeamIntentEntry => ({ phase: 'intent', at: 1_000 + n, lookupId: String(n), keyword: `k${n}`, kind: 'name', desk: 'a', user: 'u' })

function chain(count: number): ChainedRow[] {
  const rows: ChainedRow[] = []
  let head = CHAIN_START
  for (let i = 1; i <= count; i++) {
    const link = chainEntry(intent(i), head)
    rows.push({ seq: String(i), ...link })
    head = link.hash
  }
  return rows
}

describe('the team charge chain', () => {
  it('links each row to the one before it, from the chain start', () => {
    const [a, b, c] = chain(3) as [ChainedRow, ChainedRow, ChainedRow]
    expect(a.prev).toBe(CHAIN_START)
    expect(b.prev).toBe(a.hash)
    expect(verifyTeamChain([a, b, c])).toEqual({ rows: 3, head: c.hash, breaks: [] })
  })

  it('names an edited row and a removed one', () => {
    const edited = chain(3).map((r) => (r.seq === '2' ? { ...r, entry: r.entry.replace('k2', 'k9') } : r))
    expect(verifyTeamChain(edited).breaks).toEqual([{ seq: '2', kind: 'edited' }])
    const removed = chain(3).filter((r) => r.seq !== '2')
    expect(verifyTeamChain(removed).breaks).toEqual([{ seq: '3', kind: 'link' }])
  })

  it('an empty record is at the chain start', () => {
    expect(verifyTeamChain([])).toEqual({ rows: 0, head: CHAIN_START, breaks: [] })
  })
})
