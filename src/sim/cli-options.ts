/** Command-line options of the simulator CLI (src/sim/main.ts). */
import { parseArgs } from 'node:util'
import type { KeyBehaviour, SimOptions } from './types'

export const USAGE = `Usage: npm run sim -- --port N [--seed S] [--time-scale X] [--key K]... [--rate-limit N] [--quota N]
                     [--fixed-delay-ms MS] [--dataset-size N] [--no-result-at query|result]`

function num(name: string, v: string | undefined, min: number): number | undefined {
  if (v === undefined) return undefined
  const n = Number(v)
  if (!Number.isFinite(n) || n < min) throw new Error(`--${name} must be a number >= ${min}`)
  return n
}

/** Parses CLI arguments; throws on bad values, returns 'help' for --help. */
export function parseCli(argv: string[]): SimOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      'time-scale': { type: 'string' },
      key: { type: 'string', multiple: true },
      'rate-limit': { type: 'string' },
      quota: { type: 'string' },
      'fixed-delay-ms': { type: 'string' },
      'dataset-size': { type: 'string' },
      'no-result-at': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  })
  if (values.help) return 'help'
  const opts: SimOptions = { port: num('port', values.port, 0) ?? 0 }
  if (values.host) opts.host = values.host
  if (values.seed !== undefined) opts.seed = values.seed
  const timeScale = num('time-scale', values['time-scale'], Number.MIN_VALUE)
  if (timeScale !== undefined) opts.timeScale = timeScale
  if (values.key?.length) opts.keys = Object.fromEntries(values.key.map((k): [string, KeyBehaviour] => [k, 'ok']))
  const rate = num('rate-limit', values['rate-limit'], 1)
  if (rate !== undefined) opts.rateLimit = rate
  const quota = num('quota', values.quota, 0)
  if (quota !== undefined) opts.quota = quota
  const fixed = num('fixed-delay-ms', values['fixed-delay-ms'], 0)
  if (fixed !== undefined) opts.completion = { type: 'fixed', ms: fixed }
  const size = num('dataset-size', values['dataset-size'], 6)
  if (size !== undefined) opts.datasetSize = size
  const stage = values['no-result-at']
  if (stage !== undefined) {
    if (stage !== 'query' && stage !== 'result') throw new Error('--no-result-at must be query or result')
    opts.noResultStage = stage
  }
  return opts
}
