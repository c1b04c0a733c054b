// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest'
import { focusNewHeading } from './focusNewHeading.ts'

/** Frames run only when the test says so, so "the heading arrives after the palette opened" is exact. */
function manualFrames() {
  let queue: (() => void)[] = []
  return {
    nextFrame: (run: () => void) => void queue.push(run),
    run(frames: number) {
      for (let i = 0; i < frames; i++) {
        const now = queue
        queue = []
        now.forEach((f) => f())
      }
    },
  }
}

function heading(text: string): HTMLElement {
  const h = document.createElement('h1')
  h.textContent = text
  h.tabIndex = -1
  h.setAttribute('data-page-heading', '')
  return h
}

/** A navigation away from a page titled `from`: focusNewHeading started, its frames in the test's hands. */
function navigateFrom(main: HTMLElement, from: string) {
  const old = heading(from)
  main.append(old)
  const frames = manualFrames()
  focusNewHeading(old, 60, document, frames.nextFrame)
  return { old, frames }
}

describe('focusNewHeading', () => {
  let main: HTMLElement
  beforeEach(() => {
    document.body.innerHTML = ''
    main = document.createElement('main')
    document.body.append(main)
  })

  it('waits for the lazy page heading, then focuses it', () => {
    const { old, frames } = navigateFrom(main, 'Dashboard')
    frames.run(3)
    expect(document.activeElement).toBe(document.body)
    old.remove()
    const next = heading('User access')
    main.append(next)
    frames.run(1)
    expect(document.activeElement).toBe(next)
  })

  it('leaves focus in a dialog opened while the page was loading (Ctrl+K before the heading)', () => {
    const { old, frames } = navigateFrom(main, 'Dashboard')
    frames.run(2)
    const dialog = document.createElement('div')
    dialog.setAttribute('role', 'dialog')
    const input = document.createElement('input')
    dialog.append(input)
    document.body.append(dialog)
    input.focus()
    old.remove()
    main.append(heading('User access'))
    frames.run(5)
    expect(document.activeElement).toBe(input)
  })

  it('leaves focus in a field the new page focused itself', () => {
    const frames = manualFrames()
    focusNewHeading(null, 60, document, frames.nextFrame)
    const email = document.createElement('input')
    main.append(heading('Sign in'), email)
    email.focus()
    frames.run(1)
    expect(document.activeElement).toBe(email)
  })

  it('after 60 frames focuses whatever heading is there (a page that kept the same heading element)', () => {
    const { old: same, frames } = navigateFrom(main, 'Jobs')
    frames.run(60)
    expect(document.activeElement).toBe(document.body)
    frames.run(1)
    expect(document.activeElement).toBe(same)
  })
})
