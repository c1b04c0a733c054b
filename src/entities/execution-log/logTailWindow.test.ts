import { describe, expect, it } from 'vitest'
import { stripAnsi, tailWindow } from './logTailWindow.ts'

describe('log tail helpers', () => {
  it.each([
    ['\x1b[36m[worker-1]\x1b[0m reconcile', '[worker-1] reconcile'],
    ['\x1b[1;31mERROR\x1b[m done\r', 'ERROR done'],
    ['\x1b]8;;https://x\x07link\x1b]8;;\x07', 'link'],
    ['tab\tkept', 'tab\tkept'],
    ['bell\x07 and nul\x00 gone', 'bell and nul gone'],
    ['<script>alert(1)</script>', '<script>alert(1)</script>'],
  ])('stripAnsi(%j)', (input, out) => {
    expect(stripAnsi(input)).toBe(out)
  })

  it.each([
    [0, { fromLine: 1, limit: 50 }],
    [6, { fromLine: 1, limit: 50 }],
    [50, { fromLine: 1, limit: 50 }],
    [51, { fromLine: 2, limit: 50 }],
    [1000, { fromLine: 951, limit: 50 }],
  ])('tailWindow(%i)', (total, w) => {
    expect(tailWindow(total)).toEqual(w)
  })
})
