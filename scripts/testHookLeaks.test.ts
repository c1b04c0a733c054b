import { describe, expect, it } from 'vitest'
import { testHookLeaks } from './testHookLeaks.ts'

describe('testHookLeaks', () => {
  it('is empty for code that names no hook slot', () => {
    expect(testHookLeaks([{ fileName: 'a.js', code: 'const catalyst = window.flow; x.__proto__' }])).toEqual(
      [],
    )
  })

  it('names each leaked slot once per file, sorted', () => {
    const code = 'window.__catalystFlow=h;delete window.__catalystFlow;w["__catalystTreemap"]=t'
    expect(
      testHookLeaks([
        { fileName: 'b.js', code },
        { fileName: 'a.js', code: 'Object.assign(window,{__catalystNotifications:n})' },
      ]),
    ).toEqual(['a.js: __catalystNotifications', 'b.js: __catalystFlow', 'b.js: __catalystTreemap'])
  })

  it('catches the bare prefix of a computed slot name', () => {
    expect(testHookLeaks([{ fileName: 'c.js', code: 'const k=`__catalyst${n}`' }])).toEqual([
      'c.js: __catalyst',
    ])
  })
})
