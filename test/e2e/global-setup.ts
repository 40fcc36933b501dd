import { ensureRendererBuilt } from '../../src/webhost/renderer-build'

/** Builds the renderer once for the whole run (always in CI; locally only when a source file is newer). */
export default async function setup(): Promise<void> {
  await ensureRendererBuilt({ force: process.env.CI === 'true', log: (l) => console.log(l) })
}
