import { describe, expect, it } from 'vitest'
import { argSchemas } from '../../../../src/main/api/schemas'
import { INVOKE_CHANNELS } from '../../../../src/shared/ipc/contract'

const accepts = (channel: keyof typeof argSchemas, value: unknown) => argSchemas[channel].safeParse(value).success

describe('argSchemas', () => {
  it('has a schema for exactly the contract channels', () => {
    expect(Object.keys(argSchemas).sort()).toEqual([...INVOKE_CHANNELS].sort())
  })

  it('takes no argument where the contract has none', () => {
    expect(accepts('engine:pause', undefined)).toBe(true)
    expect(accepts('engine:pause', {})).toBe(false)
    expect(accepts('engine:pause', null)).toBe(false)
  })

  it('refuses unknown fields everywhere (strict objects)', () => {
    expect(accepts('lookups:get', { id: 'j1' })).toBe(true)
    expect(accepts('lookups:get', { id: 'j1', extra: 1 })).toBe(false)
    expect(accepts('lookups:plan', { inputs: [{ text: 'a', hidden: true }] })).toBe(false)
    expect(accepts('settings:set', { unknownSetting: 1 })).toBe(false)
  })

  it('bounds ids, texts and lists', () => {
    expect(accepts('lookups:get', { id: '' })).toBe(false)
    expect(accepts('lookups:get', { id: 'x'.repeat(101) })).toBe(false)
    expect(accepts('lookups:plan', { inputs: [{ text: 'x'.repeat(1_000) }] })).toBe(true)
    expect(accepts('lookups:plan', { inputs: [{ text: 'x'.repeat(1_001) }] })).toBe(false)
    expect(accepts('lookups:plan', { inputs: Array.from({ length: 50_001 }, () => ({ text: 'a' })) })).toBe(false)
    expect(accepts('lookups:plan', { inputs: [{ text: 'a', row: 0 }] })).toBe(false)
    expect(accepts('lookups:plan', { inputs: [] })).toBe(true)
    expect(accepts('lookups:submit', { inputs: [] })).toBe(false)
    expect(accepts('lookups:submit', { inputs: [{ text: 'a' }], batchName: 'x'.repeat(101) })).toBe(false)
    expect(accepts('lookups:resubmit', { ids: [] })).toBe(false)
    expect(accepts('lookups:delete', { ids: ['a', 'b'] })).toBe(true)
    expect(accepts('charges:list', { limit: 0 })).toBe(false)
    expect(accepts('charges:list', {})).toBe(true)
  })

  it('takes a key of printable ASCII only, trimmed, with a storage choice', () => {
    expect(argSchemas['key:set'].parse({ key: ' 0123456789abcdef ', storage: 'encrypted' })).toEqual({ key: '0123456789abcdef', storage: 'encrypted' })
    expect(accepts('key:set', { key: 'short', storage: 'encrypted' })).toBe(false)
    expect(accepts('key:set', { key: '0123 4567 89ab', storage: 'encrypted' })).toBe(false)
    expect(accepts('key:set', { key: '0123456789密钥abcdef', storage: 'encrypted' })).toBe(false)
    expect(accepts('key:set', { key: '0123456789abcdef', storage: 'none' })).toBe(false)
  })

  it('filters an export by known statuses and a format of xlsx or csv', () => {
    expect(accepts('export:save', { format: 'csv', filter: { status: ['done', 'failed'], text: '公司' } })).toBe(true)
    expect(accepts('export:save', { format: 'csv', filter: { status: ['finished'] } })).toBe(false)
    expect(accepts('export:save', { format: 'pdf' })).toBe(false)
  })

  it("takes a submission's source as typed or an import token, nothing else", () => {
    expect(accepts('lookups:submit', { inputs: [{ text: 'a' }], source: { kind: 'typed' } })).toBe(true)
    expect(accepts('lookups:submit', { inputs: [{ text: 'a' }], source: { kind: 'file', token: 't1' } })).toBe(true)
    expect(accepts('lookups:submit', { inputs: [{ text: 'a' }], source: { kind: 'file' } })).toBe(false)
    // The file's name and hash are main's to read, never the page's to say.
    expect(accepts('lookups:submit', { inputs: [{ text: 'a' }], source: { kind: 'file', token: 't1', sha256: 'ab' } })).toBe(false)
    expect(accepts('lookups:submit', { inputs: [{ text: 'a' }], source: { kind: 'paste' } })).toBe(false)
  })

  it("takes a batch by id; a new name trimmed, 1 to 100 characters; an export's format", () => {
    expect(accepts('batches:reconcile', { batchId: 'b1' })).toBe(true)
    expect(accepts('batches:reconcile', { batchId: '' })).toBe(false)
    expect(argSchemas['batches:rename'].parse({ batchId: 'b1', name: '  三月 ' })).toEqual({ batchId: 'b1', name: '三月' })
    expect(accepts('batches:rename', { batchId: 'b1', name: '   ' })).toBe(false)
    expect(accepts('batches:rename', { batchId: 'b1', name: '名'.repeat(100) })).toBe(true)
    expect(accepts('batches:rename', { batchId: 'b1', name: '名'.repeat(101) })).toBe(false)
    expect(accepts('batches:export', { batchId: 'b1', format: 'csv' })).toBe(true)
    expect(accepts('batches:export', { batchId: 'b1', format: 'pdf' })).toBe(false)
    expect(accepts('batches:export', { batchId: 'b1', format: 'xlsx', path: '/tmp/x' })).toBe(false)
  })

  it('bounds the import column choice', () => {
    expect(accepts('import:choose-column', { token: 't', column: 3, hasHeader: true })).toBe(true)
    expect(accepts('import:choose-column', { token: 't', column: -1 })).toBe(false)
    expect(accepts('import:choose-column', { token: '' })).toBe(false)
  })

  it('takes an audit export period as calendar days that exist, a 变更 sheet as a yes or no, a history by id', () => {
    expect(accepts('charges:export', { format: 'xlsx' })).toBe(true)
    expect(accepts('charges:export', { from: '2026-12-01', to: '2026-12-31', format: 'csv' })).toBe(true)
    expect(accepts('charges:export', { from: '2026-02-30', format: 'xlsx' })).toBe(false)
    expect(accepts('charges:export', { from: '2026-12-1', format: 'xlsx' })).toBe(false)
    expect(accepts('charges:export', { to: '2026-99-99', format: 'xlsx' })).toBe(false)
    expect(accepts('charges:export', { format: 'xlsx', path: '/tmp/x' })).toBe(false)
    expect(accepts('export:save', { format: 'xlsx', includeChanges: true })).toBe(true)
    expect(accepts('export:save', { format: 'xlsx', includeChanges: 'yes' })).toBe(false)
    expect(accepts('lookups:history', { id: 'a' })).toBe(true)
    expect(accepts('lookups:history', { id: '' })).toBe(false)
    expect(accepts('lookups:changed', undefined)).toBe(true)
  })
})
