// Whether the CLI bundle (build-cli.mjs) may run. bin/microent.mjs asks at every start, so this file is small and
// reaches Node's fs and path through process.getBuiltinModule: an ESM import of node:fs builds a facade that reads
// every export, which loads Node's whole streams stack (~2 ms of every start); build-cli.mjs is loaded only to build.
const { readFileSync, statSync } = process.getBuiltinModule('node:fs')
const { dirname, join, resolve } = process.getBuiltinModule('node:path')
const { fileURLToPath } = process.getBuiltinModule('node:url')

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const CLI_OUT_DIR = join(ROOT, 'out', 'cli')
export const CLI_BUNDLE = 'microent.mjs'
export const INPUTS = 'inputs.json'

/** `fresh` when the bundle exists and no file it was built from changed (or went) since; else `stale` or `missing`. */
export function cliBundleState(outDir = CLI_OUT_DIR) {
  let inputs
  try {
    statSync(join(outDir, CLI_BUNDLE))
    inputs = JSON.parse(readFileSync(join(outDir, INPUTS), 'utf8'))
  } catch {
    return 'missing'
  }
  // Paths joined as strings: path.join normalises each one character by character, which cost more than the 200
  // stats themselves (the listed paths are relative with forward slashes, which every system's fs takes).
  const root = `${resolve(outDir, inputs.root)}/`
  for (const [file, mtimeMs] of Object.entries(inputs.files)) {
    const stat = statSync(root + file, { throwIfNoEntry: false })
    if (stat?.mtimeMs !== mtimeMs) return 'stale'
  }
  return 'fresh'
}
