// Vitest global setup: the CLI tests spawn bin/microent.mjs, which runs the bundle out/cli/microent.mjs. It is
// rebuilt here, once, when missing or older than any file it is built from (scripts/build-cli.mjs), so the test
// processes do not each rebuild it; bin/microent.mjs checks again at every start, so a file saved during the run
// is never tested through a stale bundle.
import { ensureCli } from '../../scripts/build-cli.mjs'

export default async function setup(): Promise<void> {
  try {
    await ensureCli()
  } catch (err) {
    // A source that does not build fails the tests that run the CLI (bin/microent.mjs tries again and says why),
    // not every other test of the run.
    console.warn(`CLI bundle not built: ${err instanceof Error ? err.message : String(err)}`)
  }
}
