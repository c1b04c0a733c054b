import { describe, expect, it } from 'vitest'
import { fillDigits } from './VerifyPinScreen.tsx'

const empty = ['', '', '', '', '', '']

describe('fillDigits', () => {
  it.each<[string[], number, string, string[]]>([
    [empty, 0, '1', ['1', '', '', '', '', '']],
    [empty, 2, '7', ['', '', '7', '', '', '']],
    [empty, 0, '123456', ['1', '2', '3', '4', '5', '6']],
    // A whole code pasted anywhere fills from the first box.
    [empty, 3, '123456', ['1', '2', '3', '4', '5', '6']],
    [empty, 4, '123 456', ['1', '2', '3', '4', '5', '6']],
    [empty, 0, 'Your code: 12-34-56.', ['1', '2', '3', '4', '5', '6']],
    [empty, 0, '1234567', ['1', '2', '3', '4', '5', '6']],
    // A partial code fills from the box, never past the last.
    [empty, 4, '789', ['', '', '', '', '7', '8']],
    [['1', '2', '', '', '', ''], 2, '34', ['1', '2', '3', '4', '', '']],
    [['1', '2', '3', '', '', ''], 1, 'abc', ['1', '2', '3', '', '', '']],
  ])('%j at %i with %j', (current, index, text, expected) => {
    expect(fillDigits(current, index, text)).toEqual(expected)
  })
})
