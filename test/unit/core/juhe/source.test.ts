import { describe, expect, it } from 'vitest'
import { apiSource, redactUrl } from '../../../../src/core/juhe/source'
import { settingsPatchSchema } from '../../../../src/core/settings'

describe('an API address with credentials', () => {
  it('is never repeated with them, and refused in the settings', () => {
    expect(redactUrl('https://user:secret@proxy.example.cn/api')).toBe('https://***@proxy.example.cn/api')
    expect(apiSource('https://user:secret@proxy.example.cn')).not.toContain('secret')
    expect(settingsPatchSchema.safeParse({ baseUrl: 'https://user:secret@proxy.example.cn' }).success).toBe(false)
    expect(settingsPatchSchema.safeParse({ baseUrl: 'https://proxy.example.cn' }).success).toBe(true)
  })
})
