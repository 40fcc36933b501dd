/**
 * The team schema's migrations, as plain SQL a DBA can read (docs/team-schema.md explains each table). They are run
 * in name order by kysely's Migrator (postgres.ts), all pending ones in one transaction under an advisory lock, and
 * each is recorded in microent.kysely_migration, so a migration runs once however many desks start together.
 * Never edit a migration that has shipped: add the next one.
 */

/** The chain state before the first row (store/hash-chain.ts CHAIN_START: the SHA-256 of the empty string). */
const CHAIN_START_SQL = "'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'"

export const FOUNDATION_SQL = `
CREATE SCHEMA IF NOT EXISTS microent;

-- A desk: one installation of the app (or the CLI) working for the team, by the name it is given.
CREATE TABLE microent.desk (
  name          text PRIMARY KEY CHECK (name <> ''),
  os_user       text NOT NULL,
  first_seen_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at  timestamptz NOT NULL DEFAULT now()
);

-- The team's one row: caps, price and the head of the charged-call record. Every charging claim locks it, so caps
-- are counted and the chain is extended by one claim at a time.
CREATE TABLE microent.team (
  id                 boolean PRIMARY KEY DEFAULT true CHECK (id),
  daily_cap          integer CHECK (daily_cap >= 0),    -- charged calls per Beijing day; NULL: no cap
  monthly_cap        integer CHECK (monthly_cap >= 0),  -- charged calls per Beijing month; NULL: no cap
  price_per_call_fen integer CHECK (price_per_call_fen >= 0),
  chain_head         char(64) NOT NULL,                 -- hash of the last charge_event row
  updated_at         timestamptz NOT NULL DEFAULT now(),
  updated_by_desk    text REFERENCES microent.desk (name)
);
INSERT INTO microent.team (id, chain_head) VALUES (true, ${CHAIN_START_SQL});

-- A batch: the rows of one import or paste, submitted together by one desk.
CREATE TABLE microent.batch (
  id         text PRIMARY KEY,
  name       text NOT NULL,
  desk       text NOT NULL REFERENCES microent.desk (name),
  os_user    text NOT NULL,
  row_count  integer NOT NULL CHECK (row_count >= 0),
  created_at timestamptz NOT NULL
);

-- A lookup: one company claimed for one charged call. Its result comes later (lookup_result).
CREATE TABLE microent.lookup (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  keyword    text NOT NULL,
  kind       text NOT NULL CHECK (kind IN ('credit_code', 'reg_no', 'name')),
  status     text NOT NULL DEFAULT 'claimed'
             CHECK (status IN ('claimed', 'submitted', 'polling', 'done', 'no_result', 'failed', 'uncertain')),
  jobid      text,
  source     text,                                      -- API base URL when not Juhe's own
  batch_id   text REFERENCES microent.batch (id),
  desk       text NOT NULL REFERENCES microent.desk (name),
  os_user    text NOT NULL,
  claimed_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX lookup_batch ON microent.lookup (batch_id);

-- The identifiers a company is claimed under. The primary key is the unique constraint that makes a company
-- claimed once: by credit code, registration number or normalised name, whichever comes first.
CREATE TABLE microent.company_identifier (
  kind       text NOT NULL CHECK (kind IN ('credit_code', 'reg_no', 'name')),
  value      text NOT NULL CHECK (value <> ''),
  lookup_id  bigint NOT NULL REFERENCES microent.lookup (id),
  desk       text NOT NULL REFERENCES microent.desk (name),
  claimed_at timestamptz NOT NULL,
  CONSTRAINT company_identifier_unique PRIMARY KEY (kind, value)
);
CREATE INDEX company_identifier_lookup ON microent.company_identifier (lookup_id);

-- Results and their history: every version of a lookup's result, the newest the highest.
CREATE TABLE microent.lookup_result (
  lookup_id  bigint NOT NULL REFERENCES microent.lookup (id),
  version    integer NOT NULL CHECK (version >= 1),
  company    jsonb,                                     -- the API's 14 fields; NULL: no result
  fetched_at timestamptz NOT NULL,
  desk       text NOT NULL REFERENCES microent.desk (name),
  os_user    text NOT NULL,
  PRIMARY KEY (lookup_id, version)
);

-- The charged-call record, hash-chained as charges.jsonl is: entry is the exact JSON text hashed,
-- hash = sha256(prev || E'\\n' || entry). Append only: rows are never updated or deleted.
CREATE TABLE microent.charge_event (
  seq         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  phase       text NOT NULL CHECK (phase IN ('intent', 'outcome')),
  lookup_id   bigint NOT NULL REFERENCES microent.lookup (id),
  outcome     text CHECK (outcome IN ('accepted', 'rejected', 'uncertain', 'not_sent')),
  at          timestamptz NOT NULL,
  beijing_day date NOT NULL,                            -- the Beijing (UTC+8) day the caps count it in
  desk        text NOT NULL REFERENCES microent.desk (name),
  os_user     text NOT NULL,
  entry       text NOT NULL,
  prev        char(64) NOT NULL UNIQUE,                 -- no two rows follow the same state: the chain cannot fork
  hash        char(64) NOT NULL UNIQUE,
  CHECK ((phase = 'intent') = (outcome IS NULL))
);
CREATE UNIQUE INDEX charge_event_one_intent ON microent.charge_event (lookup_id) WHERE phase = 'intent';
CREATE UNIQUE INDEX charge_event_one_outcome ON microent.charge_event (lookup_id) WHERE phase = 'outcome';
CREATE INDEX charge_event_intent_day ON microent.charge_event (beijing_day) WHERE phase = 'intent';
`

/**
 * The desks at work together: which local lookup a claim is for (a desk resumes its own claim after a crash instead
 * of claiming again), the poll lease (one desk polls a jobid at a time; another takes over once it runs out), the
 * jobid's expiry, the statuses a lookup ends in, and `change_xid`, the transaction that last changed what desks show,
 * which each desk reads changes by (a trigger keeps it; a lease renewal alone does not count as a change).
 */
export const DESKS_SQL = `
ALTER TABLE microent.lookup
  ADD COLUMN desk_job_id text,                          -- the claiming desk's own id of the lookup
  ADD COLUMN lease_desk  text REFERENCES microent.desk (name),
  ADD COLUMN lease_until timestamptz,                   -- the lease holder polls the jobid until then
  ADD COLUMN expires_at  timestamptz,                   -- the jobid's 24 h end
  ADD COLUMN error_code  text,
  ADD COLUMN change_xid  xid8 NOT NULL DEFAULT pg_current_xact_id();
ALTER TABLE microent.lookup DROP CONSTRAINT lookup_status_check;
-- released: the claim ended without a charge (the call never left, or was refused): the company may be claimed again.
ALTER TABLE microent.lookup ADD CONSTRAINT lookup_status_check
  CHECK (status IN ('claimed', 'polling', 'done', 'no_result', 'failed', 'uncertain', 'expired', 'released'));
CREATE INDEX lookup_change ON microent.lookup (change_xid);
CREATE INDEX lookup_lease ON microent.lookup (lease_until) WHERE status IN ('claimed', 'polling');

CREATE FUNCTION microent.lookup_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' OR NEW.status IS DISTINCT FROM OLD.status OR NEW.jobid IS DISTINCT FROM OLD.jobid
     OR NEW.expires_at IS DISTINCT FROM OLD.expires_at OR NEW.updated_at IS DISTINCT FROM OLD.updated_at THEN
    NEW.change_xid := pg_current_xact_id();
  END IF;
  RETURN NEW;
END
$fn$;
CREATE TRIGGER lookup_changed BEFORE INSERT OR UPDATE ON microent.lookup
  FOR EACH ROW EXECUTE FUNCTION microent.lookup_changed();
`

/**
 * The caps' count (claim.ts COUNT_INTENTS) runs in every charging claim, under the team row's lock. Once a month held
 * a few thousand calls, the planner found the refused and never-sent outcomes it subtracts by a scan of the whole
 * record, every month's rows, growing for as long as the team works (16 ms with 50,000 calls this month, 2.4 ms with
 * 10,000). They get a small index of their own, and the period's intents are read from an index alone (lookup_id
 * beside the day): 4.8 ms and 1.2 ms, reading this month's intents and the refused outcomes only.
 */
export const CAP_COUNT_SQL = `
CREATE INDEX charge_event_refused ON microent.charge_event (lookup_id)
  WHERE phase = 'outcome' AND outcome IN ('rejected', 'not_sent');
CREATE INDEX charge_event_intent_day_lookup ON microent.charge_event (beijing_day, lookup_id) WHERE phase = 'intent';
DROP INDEX microent.charge_event_intent_day;
`

/**
 * A desk's name belongs to one installation (installation.json in its data folder): two computers given one name
 * (two Macs both called "MacBook-Pro", a cloned VM, a colleague's name typed) would otherwise share its poll leases,
 * and one alive would keep renewing the leases of one that crashed, so no desk took over its paid jobids.
 * NULL: a desk row from before, bound by the first installation to register under its name (desk-registration.ts).
 */
export const DESK_INSTALLATION_SQL = `
ALTER TABLE microent.desk ADD COLUMN installation text;
`

/** Migrations by name; names sort in the order they run. */
export const TEAM_MIGRATIONS: Readonly<Record<string, string>> = {
  '0001_foundation': FOUNDATION_SQL,
  '0002_desks': DESKS_SQL,
  '0003_cap_count': CAP_COUNT_SQL,
  '0004_desk_installation': DESK_INSTALLATION_SQL,
}
