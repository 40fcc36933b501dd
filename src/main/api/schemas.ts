import { z } from 'zod'
import type { InvokeArgs, InvokeChannel } from '../../shared/ipc/contract'
import { JOB_STATUSES } from '../../shared/domain/job'
import { settingsPatchSchema } from '../../core/settings'

/** Payload limits: a paste of 50,000 lines is the largest legitimate input. */
const MAX_ROWS = 50_000
const MAX_TEXT = 1_000
const MAX_IDS = 100_000

const id = z.string().min(1).max(100)
const ids = z.array(id).max(MAX_IDS)
const input = z.strictObject({
  text: z.string().max(MAX_TEXT),
  row: z.number().int().positive().optional(),
  acceptFix: z.boolean().optional(),
  allowBadCheck: z.boolean().optional(),
})
const none = z.undefined()
/** A database password: anything but control characters (it is kept exactly as typed). */
const password = z
  .string()
  .min(1)
  .max(1_024)
  .regex(/^[^\p{Cc}]+$/u)
/** Where a secret is kept. */
const storage = z.enum(['encrypted', 'session', 'plaintext'])
/** A URL as typed: what it must be is the settings' rule (core/settings.ts), said with the field's label. */
const teamUrl = z.string().max(2_048)

/** A team cap: charged calls per Beijing day or month, null for none. */
const teamCap = z.number().int().min(0).max(2_147_483_647).nullable()

/** A Beijing day, YYYY-MM-DD, that exists in the calendar. */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`)
    return !Number.isNaN(t) && new Date(t).toISOString().startsWith(d)
  })

/** The argument schema of every invoke channel: main validates every payload before anything runs. */
export const argSchemas = {
  'app:info': none,
  'app:set-demo': z.strictObject({ on: z.boolean() }),
  'lookups:snapshot': none,
  'lookups:page': z.strictObject({ cursor: z.string().min(1).max(64) }),
  'lookups:batches': none,
  'lookups:get': z.strictObject({ id }),
  'lookups:history': z.strictObject({ id }),
  'lookups:changed': none,
  'lookups:plan': z.strictObject({ inputs: z.array(input).max(MAX_ROWS), force: z.boolean().optional() }),
  'lookups:submit': z.strictObject({
    inputs: z.array(input).min(1).max(MAX_ROWS),
    force: z.boolean().optional(),
    batchName: z.string().max(100).optional(),
    source: z.discriminatedUnion('kind', [z.strictObject({ kind: z.literal('typed') }), z.strictObject({ kind: z.literal('file'), token: z.string().min(1).max(100) })]).optional(),
  }),
  'lookups:resubmit': z.strictObject({ ids: ids.min(1) }),
  'lookups:delete': z.strictObject({ ids: ids.min(1) }),
  'batches:reconcile': z.strictObject({ batchId: id }),
  'batches:rename': z.strictObject({ batchId: id, name: z.string().trim().min(1).max(100) }),
  'batches:export': z.strictObject({ batchId: id, format: z.enum(['xlsx', 'csv']) }),
  'engine:pause': none,
  'engine:resume': none,
  'import:open': none,
  'import:choose-column': z.strictObject({
    token: z.string().min(1).max(100),
    column: z.number().int().min(0).max(10_000).optional(),
    sheet: z.string().max(255).optional(),
    hasHeader: z.boolean().optional(),
  }),
  'export:save': z.strictObject({
    ids: ids.optional(),
    filter: z
      .strictObject({
        status: z.array(z.enum(JOB_STATUSES)).optional(),
        batchId: id.optional(),
        text: z.string().max(200).optional(),
      })
      .optional(),
    format: z.enum(['xlsx', 'csv']),
    includeChanges: z.boolean().optional(),
  }),
  'settings:get': none,
  'settings:set': settingsPatchSchema,
  'key:status': none,
  'key:set': z.strictObject({
    // Juhe keys are 32 hex characters; accept a little more, never control characters or spaces.
    key: z.string().trim().min(8).max(128).regex(/^[\x21-\x7e]+$/),
    storage,
  }),
  'key:verify': none,
  'key:clear': none,
  'shell:open-data-folder': none,
  'shell:show-export': z.strictObject({ reveal: z.string().min(1).max(100) }),
  'charges:list': z.strictObject({ limit: z.number().int().positive().max(1_000_000).optional() }),
  'charges:export': z.strictObject({ from: day.optional(), to: day.optional(), format: z.enum(['xlsx', 'csv']) }),
  'data:check': none,
  'data:backup': none,
  'team:get': none,
  'team:set': z.strictObject({ databaseUrl: teamUrl.nullable(), desk: z.string().max(256).nullable(), password: password.optional(), storage: storage.optional() }),
  'team:clear-password': none,
  'team:test': z.strictObject({ databaseUrl: teamUrl.optional(), password: password.optional(), desk: z.string().max(256).optional() }),
  // Caps are PostgreSQL integers; a price's 2 decimals are the core's rule (use-cases/team-admin.ts), said in its words.
  'team:set-caps': z.strictObject({ dailyCap: teamCap, monthlyCap: teamCap, pricePerCall: z.number().min(0).max(1_000_000).nullable() }),
  'app:restart': none,
} satisfies { [C in InvokeChannel]: SchemaFor<InvokeArgs<C>> }

/**
 * Tied both ways to the contract, so one cannot change without the other (a compile error names the channel): each
 * schema's output is the channel's argument type, and every value of that type passes the schema.
 */
type SchemaFor<T> = z.ZodType<T, T extends void ? undefined : unknown>
type Payload<C extends InvokeChannel> = InvokeArgs<C> extends void ? undefined : InvokeArgs<C>
type Refusing = { [C in InvokeChannel]: [Payload<C>] extends [z.input<(typeof argSchemas)[C]>] ? never : C }[InvokeChannel]
const _everyContractValueParses: [Refusing] extends [never] ? true : Refusing = true
void _everyContractValueParses
