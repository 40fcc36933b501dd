/**
 * Team mode's claim transaction against a real PostgreSQL (issue 17): three desks, each on its own connection, claim
 * the same 200 companies at the same moment, some by name, some by code, some by both. Where the server cannot
 * start, this fails: it never skips.
 */
import { describe, expect, it } from 'vitest'
import { claimCompany } from '../../src/core/team/claim'
import { migrateTeamSchema, openTeamDatabase } from '../../src/core/team/postgres'
import type { ClaimOutcome, CompanyIdentifiers, TeamDatabase } from '../../src/core/team/ports'
import { checkTeamRecord, writeTeamSettings } from '../../src/core/team/team-record'
import { usePostgres } from '../helpers/postgres'

const COMPANIES = 200
const DESKS = ['desk-a', 'desk-b', 'desk-c'] as const
const NOW = Date.UTC(2026, 11, 7, 4)

const postgres = usePostgres()


const code = (i: number) => `91510100MA${String(i).padStart(7, '0')}X`
const name = (i: number) => `测试企业第${i}号有限公司`

/** How desk `d` asks for company `i`: even ones by name, odd ones by code; desk-c knows both for every fifth. */
function identifiers(i: number, d: number): CompanyIdentifiers {
  if (d === 2 && i % 5 === 0) return { name: name(i), credit_code: code(i).toLowerCase() }
  return i % 2 === 0 ? { name: i % 4 === 0 ? name(i) : name(i).replace('有限公司', ' 有限公司') } : { credit_code: code(i) }
}

/** A fixed shuffle per desk, so the desks meet each company at different moments. */
function order(d: number): number[] {
  const list = Array.from({ length: COMPANIES }, (_, i) => i)
  let seed = d + 1
  for (let i = list.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    const j = seed % (i + 1)
    ;[list[i], list[j]] = [list[j] as number, list[i] as number]
  }
  return list
}

/** Three desks, one connection each, every claim started at once; the outcomes by company. */
async function claimAll(url: string): Promise<Map<number, ClaimOutcome[]>> {
  const dbs: TeamDatabase[] = DESKS.map(() => openTeamDatabase({ url, maxConnections: 1 }))
  try {
    const byCompany = new Map<number, ClaimOutcome[]>()
    await Promise.all(
      DESKS.flatMap((desk, d) =>
        order(d).map(async (i) => {
          const out = await claimCompany(dbs[d] as TeamDatabase, { desk, user: `user-${d}`, now: NOW, identifiers: identifiers(i, d) })
          byCompany.set(i, [...(byCompany.get(i) ?? []), out])
        }),
      ),
    )
    return byCompany
  } finally {
    await Promise.all(dbs.map((db) => db.close()))
  }
}

async function counts(url: string) {
  const db = openTeamDatabase({ url })
  try {
    const one = async (text: string) => Number((await db.query<{ n: string }>(text)).rows[0]?.n)
    return {
      lookups: await one('SELECT count(*) AS n FROM microent.lookup'),
      intents: await one("SELECT count(*) AS n FROM microent.charge_event WHERE phase = 'intent'"),
      record: await checkTeamRecord(db),
    }
  } finally {
    await db.close()
  }
}

describe('the claim transaction, three desks at once', () => {
  it('claims each of 200 companies exactly once: one lookup, one intent; the other desks get that lookup', async () => {
    const url = await postgres().createDatabase('no_cap')
    await migrateTeamSchema({ url })
    const byCompany = await claimAll(url)
    expect(byCompany.size).toBe(COMPANIES)
    for (const [i, outs] of byCompany) {
      expect(outs, `company ${i}`).toHaveLength(DESKS.length)
      expect(outs.filter((o) => o.outcome === 'claimed'), `company ${i}`).toHaveLength(1)
      expect(outs.filter((o) => o.outcome === 'existing'), `company ${i}`).toHaveLength(DESKS.length - 1)
      const ids = new Set(outs.map((o) => (o.outcome === 'held' ? null : o.lookupId)))
      expect(ids.size, `company ${i}: one lookup for every desk`).toBe(1)
    }
    const c = await counts(url)
    expect(c.lookups).toBe(COMPANIES)
    expect(c.intents).toBe(COMPANIES)
    expect(c.record).toMatchObject({ rows: COMPANIES, breaks: [], ok: true })
  }, 60_000)

  it('with a team cap of 150: exactly 150 claimed, the rest held on every desk', async () => {
    const url = await postgres().createDatabase('cap_150')
    await migrateTeamSchema({ url })
    const setup = openTeamDatabase({ url })
    await writeTeamSettings(setup, { dailyCap: 150, monthlyCap: null, pricePerCallFen: null })
    await setup.close()
    const byCompany = await claimAll(url)
    const all = [...byCompany.values()]
    expect(all.flat().filter((o) => o.outcome === 'claimed')).toHaveLength(150)
    const unclaimed = all.filter((outs) => !outs.some((o) => o.outcome === 'claimed'))
    expect(unclaimed).toHaveLength(COMPANIES - 150)
    for (const outs of unclaimed) for (const o of outs) expect(o).toMatchObject({ outcome: 'held', reason: 'budget_day', cap: 150, used: 150 })
    const c = await counts(url)
    expect(c.lookups).toBe(150)
    expect(c.intents).toBe(150)
    expect(c.record).toMatchObject({ rows: 150, breaks: [], ok: true })
  }, 60_000)
})
