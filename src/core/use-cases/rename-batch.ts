/** A batch's name is the user's (the file name or "手动输入 <time>" until they change it): trimmed, 1 to 100 characters. */
import type { Batch } from '../../shared/domain/job'
import { msg, type Message } from '../../shared/messages'
import type { Services } from '../services'
import { BatchNotFoundError } from './batch-view'

export const BATCH_NAME_MAX = 100

export class BatchNameError extends Error {
  constructor(readonly text: Message) {
    super(text.code)
  }
}

/** Renames a batch (journaled before it returns). Throws BatchNameError for an empty or too long name, BatchNotFoundError. */
export function renameBatch(services: Pick<Services, 'lookups'>, batchId: string, name: string): Batch {
  const trimmed = name.trim()
  if (trimmed === '') throw new BatchNameError(msg('batch.nameEmpty'))
  if (trimmed.length > BATCH_NAME_MAX) throw new BatchNameError(msg('batch.nameTooLong', { max: BATCH_NAME_MAX }))
  const renamed = services.lookups.renameBatch(batchId, trimmed)
  if (!renamed) throw new BatchNotFoundError(batchId)
  return renamed
}
