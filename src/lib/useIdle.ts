import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type RefObject,
} from 'react'

/**
 * Runs `fn` once the browser is idle (after the first paint and the route's own work), or after `timeoutMs`
 * at the latest. Returns a cancel function. Safari has no requestIdleCallback: a short timer stands in.
 */
export function onIdle(fn: () => void, timeoutMs = 2000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(fn, { timeout: timeoutMs })
    return () => cancelIdleCallback(id)
  }
  const id = setTimeout(fn, 200)
  return () => clearTimeout(id)
}

/** False on the first render, true once the browser has been idle: gate code that may load after first paint. */
export function useIdle(): boolean {
  const [idle, setIdle] = useState(false)
  useEffect(() => onIdle(() => setIdle(true)), [])
  return idle
}

export interface DeferredPopup {
  /** Render the lazily loaded popup (idle came, or the operator asked for it). */
  load: boolean
  /** Props for the stand-in trigger shown until the popup's code is there. */
  trigger: {
    /** Carries keyboard focus over when the stand-in is re-created (see useDeferredPopup). */
    ref: (el: HTMLButtonElement | null) => (() => void) | undefined
    onClick: () => void
    onKeyDown: (e: KeyboardEvent<HTMLButtonElement>) => void
    onFocus: (e: FocusEvent<HTMLButtonElement>) => void
    onBlur: (e: FocusEvent<HTMLButtonElement>) => void
  }
  /** Props for the loaded popup: open at once when the stand-in was used; take over focus if it had it. */
  popup: { defaultOpen: boolean; takeFocus: RefObject<boolean> }
}

/**
 * A header popup whose code (Radix, its panel) stays out of the first load: a plain stand-in trigger with
 * the same accessible name renders first, the real one replaces it when the browser is idle. A click (or
 * `openKeys`) on the stand-in loads it at once and opens it on arrival; focus moves to the real trigger.
 */
export function useDeferredPopup(openKeys: readonly string[] = []): DeferredPopup {
  const idle = useIdle()
  const [opened, setOpened] = useState(false)
  const takeFocus = useRef(false)
  const carryFocus = useRef(false)
  // When loading starts the stand-in is re-created as the Suspense fallback: without this, a keyboard user on
  // it drops to <body> until the popup's code arrives, and a key pressed meanwhile is lost. The ref cleanup
  // runs while the old node is still in the document, so it can tell whether that node had the focus.
  const carryFocusRef = useCallback((el: HTMLButtonElement | null) => {
    if (!el) return undefined
    if (carryFocus.current) {
      carryFocus.current = false
      el.focus()
    }
    return () => {
      carryFocus.current = document.activeElement === el
    }
  }, [])
  return {
    load: idle || opened,
    trigger: {
      ref: carryFocusRef,
      onClick: () => setOpened(true),
      onKeyDown: (e) => {
        if (!openKeys.includes(e.key)) return
        e.preventDefault()
        setOpened(true)
      },
      onFocus: () => {
        takeFocus.current = true
      },
      onBlur: () => {
        takeFocus.current = false
      },
    },
    popup: { defaultOpen: opened, takeFocus },
  }
}

/**
 * In the loaded popup: give its trigger the focus the stand-in had when it was swapped out (unless it opens
 * at once, when the popup takes the focus itself and returns it to the trigger on close).
 */
export function useTakeFocus(popup: DeferredPopup['popup'], trigger: RefObject<HTMLElement | null>): void {
  const { takeFocus, defaultOpen } = popup
  useEffect(() => {
    if (takeFocus.current && !defaultOpen) trigger.current?.focus()
    // Only at mount: the swap happens once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
}
