import { readFileSync } from 'node:fs'
import { userInfo } from 'node:os'
import { describe, expect, it } from 'vitest'
import { appVersion, osUser } from '../../../src/cli/provenance'

describe('who and what wrote an evidence file', () => {
  it("names the app by package.json's version", () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }
    expect(appVersion()).toBe(pkg.version)
    expect(appVersion()).toMatch(/^\d+\.\d+\.\d+/)
  })

  it('names the OS user running it', () => {
    expect(osUser({})).toBe(userInfo().username)
    expect(osUser({}).length).toBeGreaterThan(0)
  })
})
