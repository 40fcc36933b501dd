/**
 * CLI: node --import tsx src/sim/main.ts --port N [--seed S] [--time-scale X] [--key K]... [--rate-limit N]
 *      [--quota N] [--fixed-delay-ms MS] [--no-result-at query|result]
 * Prints "Juhe simulator listening on http://127.0.0.1:N (key: test-key)" first, then sample keywords.
 */
import { USAGE, parseCli } from './cli-options'
import { sampleKeywords } from './dataset'
import { startSimulator } from './server'
import type { SimOptions } from './types'

async function main(): Promise<void> {
  let opts: SimOptions | 'help'
  try {
    opts = parseCli(process.argv.slice(2))
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err))
    console.error(USAGE)
    process.exit(2)
  }
  if (opts === 'help') {
    console.log(USAGE)
    return
  }
  const sim = await startSimulator(opts)
  const keys = Object.keys(opts.keys ?? { 'test-key': 'ok' }).join(', ')
  console.log(`Juhe simulator listening on ${sim.url} (key: ${keys})`)
  const s = sampleKeywords(sim.dataset, 2)
  console.log(`  known keywords:   ${[...s.knownNames, ...s.knownCreditNos.slice(0, 1), ...s.knownRegNos.slice(0, 1)].join(' | ')}`)
  console.log(`  unknown (277704): ${[...s.unknownNames.slice(0, 1), ...s.unknownCreditNos.slice(0, 1)].join(' | ')}`)
  console.log(`  admin: GET ${sim.url}/__sim/stats, POST /__sim/fault /__sim/keys /__sim/time /__sim/reset`)

  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`Juhe simulator stopping (${signal})`)
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
