/**
 * The command line speaks one language at a time: every text a person reads is a catalogue message rendered by
 * --lang / LANG (src/cli/lang.ts). This walks the string literals of src/cli so that "中文 / English" joined strings
 * (and Chinese written into the code beside the catalogue) do not come back.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../../..', import.meta.url))
const CLI = join(ROOT, 'src/cli')
const CJK = /[\u3400-\u9fff]/

/** Chinese that is not a text shown to people, each with why it may stay. */
const ALLOWED: Record<string, string> = {
  // An answer accepted at the [y/N] prompt: input, not output.
  '^(y|yes|是)$': 'io.ts: the prompt accepts 是 as yes',
  // The example keyword in the hint about keywords that start with "-": data, the same in both languages.
  '-1号公司': 'main.ts: a keyword passed to cli.dashKeyword',
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? sources(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []))
}

/** Every string and template literal of a file (a template's fixed parts joined, its expressions left out). */
function literals(file: string): { text: string; line: number }[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
  const found: { text: string; line: number }[] = []
  const at = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart()).line + 1
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isRegularExpressionLiteral(node)) {
      found.push({ text: ts.isRegularExpressionLiteral(node) ? node.text.slice(1, node.text.lastIndexOf('/')) : node.text, line: at(node) })
      return
    }
    if (ts.isTemplateExpression(node)) {
      found.push({ text: [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('…'), line: at(node) })
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

const all = sources(CLI).flatMap((file) => literals(file).map((l) => ({ ...l, where: `${relative(ROOT, file)}:${l.line}` })))

describe('the command line texts', () => {
  it('finds the literals it checks (the walk works)', () => {
    expect(all.length).toBeGreaterThan(100)
    expect(all.some((l) => l.text.includes('--lang='))).toBe(true)
  })

  it('holds no "中文 / English" joined string', () => {
    const joined = all.filter((l) => CJK.test(l.text) && / \/ |\/ [A-Za-z]/.test(l.text))
    expect(joined.map((l) => `${l.where}: ${l.text}`)).toEqual([])
  })

  it('writes no Chinese into the code: what people read is in the catalogue (shared/messages/cli*.ts)', () => {
    const chinese = all.filter((l) => CJK.test(l.text) && !(l.text in ALLOWED))
    expect(chinese.map((l) => `${l.where}: ${l.text}`)).toEqual([])
  })
})
