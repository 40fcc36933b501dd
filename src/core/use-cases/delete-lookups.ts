/**
 * Deleting lookups: a lookup whose charged call is out (submitting) or whose result is being fetched (polling) is
 * kept, as its call is already paid or may be; the rest go. LookupService.remove applies that rule.
 */
import type { Services } from '../services'

/** Deletes what may be deleted of `ids`; `deleted` is told the ids that went (not called when none did). */
export function deleteLookups(services: Pick<Services, 'lookups'>, ids: string[], deleted: (ids: string[]) => void): string[] {
  const gone = services.lookups.remove(ids)
  if (gone.length) deleted(gone)
  return gone
}
