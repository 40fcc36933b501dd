import { describe, expect, it } from 'vitest'
import { DEFAULT_JUHE_BASE_URL, resolveEndpoint } from '../../../../src/core/juhe/endpoint'

const QUERY = '/enterprise/App/MicroEnt/query'

describe('resolveEndpoint', () => {
  it('uses Juhe\'s own server, over https, when no base URL is set', () => {
    expect(DEFAULT_JUHE_BASE_URL.startsWith('https://')).toBe(true)
    expect(resolveEndpoint('', QUERY)).toBe(`${DEFAULT_JUHE_BASE_URL}${QUERY}`)
    expect(resolveEndpoint('   ', QUERY)).toBe(`${DEFAULT_JUHE_BASE_URL}${QUERY}`)
  })

  it.each([
    ['http://127.0.0.1:9000', `http://127.0.0.1:9000${QUERY}`],
    [' http://127.0.0.1:9000/ ', `http://127.0.0.1:9000${QUERY}`],
    ['https://proxy.example.cn/juhe//', `https://proxy.example.cn/juhe${QUERY}`],
    ['HTTPS://V.JUHE.CN', `https://v.juhe.cn${QUERY}`],
  ])('joins the path to %j, a path prefix kept and trailing slashes dropped', (base, url) => {
    expect(resolveEndpoint(base, QUERY)).toBe(url)
  })

  it.each(['ftp://v.juhe.cn', 'v.juhe.cn', 'https://v.juhe.cn/?a=1', 'https://v.juhe.cn/#x', 'https://u:p@v.juhe.cn', 'https://u@v.juhe.cn', 'http://'])(
    'refuses %j: not http(s), not a URL, a query or fragment, or credentials',
    (base) => {
      expect(resolveEndpoint(base, QUERY)).toBeNull()
    },
  )
})
