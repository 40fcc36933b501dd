import { describe, expect, it } from 'vitest'
import { arraySource } from '../../../../src/core/xlsx/job-source'
import type { Job } from '../../../../src/shared/domain/job'
import { makeJob } from '../../../helpers/jobs'

async function collect(chunks: AsyncIterable<readonly Job[]>): Promise<string[]> {
  const out: string[] = []
  for await (const chunk of chunks) out.push(...chunk.map((j) => j.status))
  return out
}

describe('arraySource', () => {
  it('gives every lookup in order, and the unfinished ones (no answer yet) in order', async () => {
    const jobs = (['done', 'queued', 'no_result', 'uncertain', 'polling'] as const).map((status) => makeJob({ status }))
    const source = arraySource(jobs)
    expect(await collect(source.all())).toEqual(['done', 'queued', 'no_result', 'uncertain', 'polling'])
    expect(await collect(source.unfinished())).toEqual(['queued', 'uncertain', 'polling'])
    expect(await collect(source.all())).toHaveLength(5) // read again: the same
  })
})
