// Vitest global setup: the CLI tests spawn bin/microent.mjs, which runs the bundle out/cli/microent.mjs. It is
// rebuilt here, once, when missing or older than any file it is built from (scripts/build-cli.mjs), so the test
// processes do not each rebuild it; bin/microent.mjs checks again at every start, so a file saved during the run
// is never tested through a stale bundle.
import { ensureCli } from '../../scripts/build-cli.mjs'

export default async function setup(): Promise<void> {
  await ensureCli()
}
