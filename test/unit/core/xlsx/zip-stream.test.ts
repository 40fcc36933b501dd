import { execFileSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { ZipStream } from '../../../../src/core/xlsx/zip-stream'
import { tempDir, unzipText } from './helpers'

function sink() {
  const chunks: Buffer[] = []
  const out = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk)
      done()
    },
  })
  return { out, bytes: () => Buffer.concat(chunks) }
}

const hasUnzip = ['/usr/bin/unzip', '/bin/unzip'].some((p) => existsSync(p))

async function sample(): Promise<Buffer> {
  const { out, bytes } = sink()
  const zip = new ZipStream(out, { mtime: new Date(2024, 4, 13, 16, 5, 9) })
  await zip.addFile('[Content_Types].xml', '<Types/>')
  await zip.addFile('xl/workbook.xml', '<workbook/>') // the test's unzip reads spreadsheets only
  await zip.addFile('名单/说明.txt', Buffer.from('中文内容'))
  const sheet = await zip.startEntry('xl/worksheets/sheet1.xml')
  for (let i = 0; i < 2000; i++) await (sheet.write(Buffer.from(`<row r="${i + 1}"/>`)) ?? Promise.resolve())
  await sheet.end()
  await zip.finish()
  return bytes()
}

describe('ZipStream', () => {
  it('writes whole and streamed entries that read back byte for byte, names in UTF-8', async () => {
    const files = unzipText(await sample())
    expect([...files.keys()]).toEqual(['[Content_Types].xml', 'xl/workbook.xml', '名单/说明.txt', 'xl/worksheets/sheet1.xml'])
    expect(files.get('名单/说明.txt')).toBe('中文内容')
    const sheet = files.get('xl/worksheets/sheet1.xml')!
    expect(sheet.startsWith('<row r="1"/>')).toBe(true)
    expect(sheet.endsWith('<row r="2000"/>')).toBe(true)
  })

  it('compresses (sheet XML is repetitive)', async () => {
    expect((await sample()).length).toBeLessThan(2000 * 12)
  })

  it.skipIf(!hasUnzip)('passes unzip -t', async () => {
    const tmp = tempDir()
    try {
      const file = join(tmp.dir, 'sample.zip')
      writeFileSync(file, await sample())
      expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toMatch(/No errors detected/)
    } finally {
      tmp.cleanup()
    }
  })

  it('refuses a second entry while one is still being written', async () => {
    const zip = new ZipStream(sink().out)
    await zip.startEntry('a.xml')
    await expect(zip.addFile('b.xml', 'x')).rejects.toThrow(/still being written/)
  })

  it('fails with the output\'s error instead of writing on', async () => {
    const broken = new Writable({
      write(_chunk, _enc, done) {
        done(new Error('disk full'))
      },
    })
    broken.on('error', () => {})
    const zip = new ZipStream(broken)
    const attempt = async () => {
      for (let i = 0; i < 5; i++) await zip.addFile(`f${i}.xml`, 'x'.repeat(1000))
      await zip.finish()
    }
    await expect(attempt()).rejects.toThrow('disk full')
  })
})
