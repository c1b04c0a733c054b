// @vitest-environment jsdom
import { render } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useNow } from './useNow.ts'

function Clock() {
  return <span>{useNow(15_000)}</span>
}

afterEach(() => vi.restoreAllMocks())

describe('useNow', () => {
  it('gives a stable snapshot when many clocks mount at once, even while time moves between calls', () => {
    let t = 1_000_000
    vi.spyOn(Date, 'now').mockImplementation(() => (t += 7))
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const view = render(
      <>
        {Array.from({ length: 40 }, (_, i) => (
          <Clock key={i} />
        ))}
      </>,
    )
    const values = new Set(Array.from(view.container.querySelectorAll('span'), (s) => s.textContent))
    expect(values.size).toBe(1)
    expect(errors).not.toHaveBeenCalled()
    view.unmount()
  })
})
