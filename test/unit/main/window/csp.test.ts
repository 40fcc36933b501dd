import { describe, expect, it } from 'vitest'
import { RENDERER_CSP } from '../../../../src/main/window/csp'

describe('RENDERER_CSP', () => {
  const directives = Object.fromEntries(RENDERER_CSP.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]))
  it('allows scripts from the app only: no eval, no inline, no remote', () => {
    expect(directives['script-src']).toEqual(["'self'"])
    expect(RENDERER_CSP).not.toMatch(/unsafe-eval|wasm-unsafe-eval|https?:|\*/)
    expect(directives['default-src']).toEqual(["'none'"])
    expect(directives['object-src']).toEqual(["'none'"])
    expect(directives['frame-ancestors']).toEqual(["'none'"])
    expect(directives['base-uri']).toEqual(["'none'"])
  })
})
