import { describe, expect, it } from 'vitest'
import { parseCli } from '../../../src/sim/cli-options'

describe('sim CLI options', () => {
  it('parses options', () => {
    expect(parseCli(['--port', '8080', '--seed', 's', '--time-scale', '0.01', '--key', 'a', '--key', 'b', '--rate-limit', '5', '--quota', '10', '--fixed-delay-ms', '250'])).toEqual({
      port: 8080,
      seed: 's',
      timeScale: 0.01,
      keys: { a: 'ok', b: 'ok' },
      rateLimit: 5,
      quota: 10,
      completion: { type: 'fixed', ms: 250 },
    })
    expect(parseCli(['--help'])).toBe('help')
    expect(() => parseCli(['--port', 'x'])).toThrow()
    expect(() => parseCli(['--time-scale', '0'])).toThrow()
    expect(() => parseCli(['--bogus'])).toThrow()
  })
  it('starts from an ephemeral port and leaves unset options out', () => {
    expect(parseCli([])).toEqual({ port: 0 })
  })

  it('takes the host, the dataset size and where "no result" is answered', () => {
    expect(parseCli(['--host', '0.0.0.0', '--dataset-size', '12', '--no-result-at', 'query'])).toEqual({ port: 0, host: '0.0.0.0', datasetSize: 12, noResultStage: 'query' })
    expect(parseCli(['--no-result-at', 'result'])).toMatchObject({ noResultStage: 'result' })
  })

  it.each([
    [['--no-result-at', 'poll'], /--no-result-at/],
    [['--dataset-size', '5'], /--dataset-size must be a number >= 6/],
    [['--rate-limit', '0'], /--rate-limit must be a number >= 1/],
    [['--quota=-1'], /--quota must be a number >= 0/],
    [['--port=-1'], /--port must be a number >= 0/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseCli(argv)).toThrow(message)
  })

  it('accepts a quota of 0 (every charged call refused) and -h for help', () => {
    expect(parseCli(['--quota', '0'])).toEqual({ port: 0, quota: 0 })
    expect(parseCli(['-h'])).toBe('help')
  })
})
