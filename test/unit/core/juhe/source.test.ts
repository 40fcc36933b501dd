import { describe, expect, it } from 'vitest'
import { apiSource, redactUrl } from '../../../../src/core/juhe/source'
import { DEFAULT_JUHE_BASE_URL } from '../../../../src/core/juhe/client'
import { settingsPatchSchema } from '../../../../src/core/settings'

describe('an API address with credentials', () => {
  it('is never repeated with them, and refused in the settings', () => {
    expect(redactUrl('https://user:secret@proxy.example.cn/api')).toBe('https://***@proxy.example.cn/api')
    expect(apiSource('https://user:secret@proxy.example.cn')).not.toContain('secret')
    expect(settingsPatchSchema.safeParse({ baseUrl: 'https://user:secret@proxy.example.cn' }).success).toBe(false)
    expect(settingsPatchSchema.safeParse({ baseUrl: 'https://proxy.example.cn' }).success).toBe(true)
  })
})

describe('apiSource', () => {
  it('is null for Juhe\'s own API, unset or written out', () => {
    expect(apiSource(null)).toBeNull()
    expect(apiSource('  ')).toBeNull()
    expect(apiSource(DEFAULT_JUHE_BASE_URL)).toBeNull()
  })

  it('is the base URL without trailing slashes for another API, so results from it are never taken for Juhe\'s', () => {
    expect(apiSource('http://127.0.0.1:9000/')).toBe(apiSource('http://127.0.0.1:9000'))
    expect(apiSource('http://127.0.0.1:9000')).not.toBeNull()
    expect(apiSource('http://127.0.0.1:9000')).not.toBe(apiSource('http://127.0.0.1:9001'))
  })
})
