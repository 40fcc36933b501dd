/** What `npm install` says about Electron (scripts/provision-notes.mjs): a failed download's reason, and EBADENGINE. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { downloadFailureReason, engineNote } from '../../../scripts/provision-notes.mjs'

const stack = (message: string) =>
  `${message}\n    at node:internal/deps/undici/undici:14976:13\n    at async FetchDownloader.download (file:///x/node_modules/@electron/get/dist/FetchDownloader.js:46:30)\n    at async downloadArtifact (file:///x/node_modules/@electron/get/dist/index.js:154:12)\n`

describe('the Electron download warning gives the reason, never a stack frame', () => {
  it.each([
    [stack('TypeError: fetch failed'), {}, /^network error: the download host cannot be reached.*; TypeError: fetch failed$/],
    [stack('TypeError: fetch failed'), { HTTPS_PROXY: 'http://user:pw@proxy.corp:3128' }, /^network error, through the proxy/],
    [stack('Error: getaddrinfo ENOTFOUND github.com'), {}, /could not be resolved.*ENOTFOUND github\.com/],
    [stack('Error: Generated checksum for "electron-v45.5.0-linux-x64.zip" did not match expected checksum.'), {}, /^checksum mismatch.*did not match/],
    [stack('HTTPError: Response code 407 (Proxy Authentication Required) for http://user:pw@proxy:8080/x'), {}, /^the proxy refused.*407.*http:\/\/\*\*\*@proxy:8080/],
    [stack('HTTPError: Response code 404 (Not Found)'), {}, /^the server answered HTTP 404; HTTPError: Response code 404/],
  ])('%#', (stderr, env, expected) => {
    const why = downloadFailureReason({ stderr, env })
    expect(why).toMatch(expected)
    expect(why).not.toMatch(/\bat (async |node:)/)
    expect(why).not.toContain('pw@')
  })

  it('a timeout of the installer says so', () => {
    expect(downloadFailureReason({ error: { code: 'ETIMEDOUT', message: 'spawnSync node ETIMEDOUT' }, timeoutMs: 300_000 })).toBe('timed out after 300 s')
  })
})

describe('engines', () => {
  it('on Node 20 one line says the EBADENGINE warnings are expected and what they mean; on 22.12+ nothing', () => {
    const note = engineNote('20.19.0')
    expect(note).toContain('EBADENGINE')
    expect(note).toContain('Node 20.19+')
    expect(note).toContain('22.12+')
    expect(note?.split('\n')).toHaveLength(1)
    expect(engineNote('22.11.0')).not.toBeNull()
    expect(engineNote('22.12.0')).toBeNull()
    expect(engineNote('24.1.0')).toBeNull()
  })

  it('package.json states what runs where: Node 20.19+ for everything but Electron, whose packages want 22.12+', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { engines: { node: string } }
    expect(pkg.engines.node).toBe('^20.19.0 || >=22.12.0')
    const electron = JSON.parse(readFileSync(new URL('../../../node_modules/electron/package.json', import.meta.url), 'utf8')) as { engines: { node: string } }
    expect(electron.engines.node.replace(/\s/g, '')).toBe('>=22.12.0')
  })
})
