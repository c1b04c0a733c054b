/* eslint-disable no-control-regex -- the inputs are control sequences */
import { describe, expect, it } from 'vitest'
import { renderSlice, sanitiseLine, stripSgr, styledRuns, textWidth } from './ansi.ts'

const E = '\x1b'

describe('sanitiseLine', () => {
  it.each([
    [
      'plain text stays the same string',
      'Apply complete! Resources: 12 added',
      'Apply complete! Resources: 12 added',
    ],
    ['SGR colours are kept', `${E}[0m${E}[1m${E}[32mok${E}[0m`, `${E}[0m${E}[1m${E}[32mok${E}[0m`],
    [
      '256-colour and truecolour SGR are kept',
      `${E}[38;5;208mx${E}[48:2::1:2:3my${E}[m`,
      `${E}[38;5;208mx${E}[48:2::1:2:3my${E}[m`,
    ],
    ['OSC 52 clipboard write (BEL) is removed', `a${E}]52;c;ZXZpbA==\x07b`, 'ab'],
    ['OSC 52 clipboard write (ST) is removed', `a${E}]52;c;ZXZpbA==${E}\\b`, 'ab'],
    [
      'OSC 8 javascript: link keeps only its text',
      `${E}]8;;javascript:alert(1)${E}\\click${E}]8;;${E}\\`,
      'click',
    ],
    ['OSC 0 window title is removed', `${E}]0;pwned\x07title`, 'title'],
    ['DCS string is removed', `x${E}P1$qm${E}\\y`, 'xy'],
    ['APC / PM / SOS strings are removed', `a${E}_apc${E}\\b${E}^pm${E}\\c${E}Xsos${E}\\d`, 'abcd'],
    ['C1 OSC / CSI / DCS are removed', `a\u009d52;c;eA==\u0007b\u009b2Jc\u0090q\u009cd`, 'abcd'],
    ['cursor movement and erase are removed', `${E}[2J${E}[H${E}[10;20Hx${E}[K${E}[?25l${E}[?1049h`, 'x'],
    ['private-marker "SGR" is not SGR', `${E}[?1mx${E}[>4;1m`, 'x'],
    ['charset switching and single escapes are removed', `${E}(0lqk${E}(B ${E}c${E}7${E}8\x0e\x0fz`, 'lqk z'],
    ['bell, backspace, NUL and DEL are removed', 'a\x07b\x08c\x00d\x7fe', 'abcde'],
    ['unterminated OSC swallows the rest', `ok${E}]52;c;AAAA`, 'ok'],
    ['unterminated CSI is dropped', `ok${E}[12`, 'ok'],
    ['tabs expand to 8-column stops', 'a\tb\t\tc', 'a       b               c'],
    ['carriage return keeps the text after it (and its colour)', `${E}[32m10%\r20%\r30%`, `${E}[32m30%`],
    ['a trailing CR is ignored', 'done\r', 'done'],
  ])('%s', (_name, input, expected) => {
    expect(sanitiseLine(input)).toBe(expected)
  })

  it('never leaves an ESC that is not part of an SGR', () => {
    const hostile = `${E}]52;c;x\x07${E}[31mred${E}[0m${E}P+q${E}\\${E}[6n${E}Z${E}]8;;javascript:x\x07y`
    const out = sanitiseLine(hostile)
    expect(out.replace(/\x1b\[[0-9;:]*m/g, '')).not.toMatch(/[\x00-\x1f\x7f-\x9f]/)
    expect(out).toBe(`${E}[31mred${E}[0my`)
  })

  it('keeps a 1 MB line whole (the viewer truncates for display)', () => {
    const big = `${E}[31m` + 'x'.repeat(1_000_000) + `${E}]52;c;AAAA\x07`
    expect(sanitiseLine(big)).toBe(`${E}[31m` + 'x'.repeat(1_000_000))
  })
})

describe('styling', () => {
  it('strips SGR for search and measures wide characters', () => {
    expect(stripSgr(`${E}[1m${E}[32mok${E}[0m done`)).toBe('ok done')
    expect(textWidth('ab')).toBe(2)
    expect(textWidth('日本')).toBe(4)
  })

  it('splits runs with the SGR state in force, reset clearing it', () => {
    expect(styledRuns(`a${E}[1mb${E}[32mc${E}[0md`)).toEqual([
      { sgr: '', text: 'a' },
      { sgr: `${E}[1m`, text: 'b' },
      { sgr: `${E}[1m${E}[32m`, text: 'c' },
      { sgr: '', text: 'd' },
    ])
  })

  it('renders a column window with the style in force at its start', () => {
    const runs = styledRuns(`${E}[31mhello${E}[0m world`)
    const { text, cells } = renderSlice(runs, 2, 6)
    expect(stripSgr(text)).toBe('llo wo')
    expect(cells).toBe(6)
    expect(text.startsWith(`${E}[0m${E}[0m${E}[31ml`)).toBe(true)
  })

  it('overlays marks without losing the underlying colour', () => {
    const runs = styledRuns(`${E}[32mgreen text${E}[0m`)
    const { text } = renderSlice(runs, 0, 80, [{ start: 6, end: 10, sgr: `${E}[7m` }])
    expect(text).toContain(`${E}[0m${E}[32m${E}[7mtext`)
    expect(stripSgr(text)).toBe('green text')
  })

  it('never half-draws a wide character at the window edge', () => {
    const runs = styledRuns('a日b')
    expect(stripSgr(renderSlice(runs, 0, 2).text)).toBe('a')
    expect(stripSgr(renderSlice(runs, 1, 2).text)).toBe('日')
  })
})
