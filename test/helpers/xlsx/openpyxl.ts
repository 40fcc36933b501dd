/**
 * Reads a workbook with openpyxl, a reader that did not write it (Debian's python3-openpyxl; .ci/run installs it):
 * what Excel users' other tools will see. Values come back as JSON (dates as ISO text), with each cell's fill colour.
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

export interface ReadSheet {
  name: string
  rows: (string | number | boolean | null)[][]
  /** The solid fill colour of each cell (ARGB, e.g. "FFFFC7CE"), or null. */
  fills: (string | null)[][]
}

const SCRIPT = `
import json, sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = []
for ws in wb.worksheets:
    rows, fills = [], []
    for row in ws.iter_rows():
        vals, fs = [], []
        for c in row:
            v = c.value
            if isinstance(v, (datetime.datetime, datetime.date)):
                v = v.isoformat()
            vals.append(v)
            f = c.fill
            fs.append(f.fgColor.rgb if f is not None and f.fill_type == 'solid' and isinstance(f.fgColor.rgb, str) else None)
        rows.append(vals)
        fills.append(fs)
    out.append({'name': ws.title, 'rows': rows, 'fills': fills})
print(json.dumps(out, ensure_ascii=False))
`

/** Debian's python first: a pyenv shim on PATH may be a Python without Debian's packages. */
export function python(): string {
  return process.env.MICROENT_PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3')
}

export function readWithOpenpyxl(path: string): ReadSheet[] {
  return JSON.parse(execFileSync(python(), ['-c', SCRIPT, path], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })) as ReadSheet[]
}
