/**
 * How a host turns team mode on (issue 17): the connection and who this desk is. The host reads these from the
 * settings and the OS key store (the app) or MICROENT_DATABASE_URL / MICROENT_DESK (the CLI) and passes them to
 * openNodeHost; without them the core runs on the local store alone, exactly as before.
 */
export interface TeamOptions {
  /** postgres://user@host:port/database (libpq's URL; its sslmode applies). */
  url: string
  /** Kept apart from the URL (the OS key store); absent: the URL's own, or PGPASSWORD. */
  password?: string
  /**
   * The password read when the desk first meets its database rather than before the core opens (the app: the OS may
   * ask to unlock its keyring, and the window comes first); null: none kept. Meanwhile charged calls wait, as while
   * connecting.
   */
  passwordLater?: () => Promise<string | null>
  /** This desk's name in the team. */
  desk: string
  /** The OS user at the desk, written beside the desk on every row. */
  user: string
  /**
   * This installation's id, which the desk's name is bound to (desk-registration.ts); absent: the data folder's own
   * (installation.json, made on first use by openNodeHost).
   */
  installation?: string
  /** How long a poll lease lasts unless renewed, and how often the desk meets the database (tests, benches). */
  leaseMs?: number
  tickMs?: number
}
