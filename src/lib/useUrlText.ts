import { useRouter } from '@tanstack/react-router'
import { useEffect, useState } from 'react'

/**
 * A text field whose value lives in the URL: the field keeps its own text and writes it after a short
 * pause (no navigation per keystroke, no cursor jumps, no lost characters while a write is in flight).
 * A URL change it did not write itself (back button, a link, "Clear filters") replaces the text. A write
 * that falls due while the router is already on its way to another page (a row link clicked right after
 * typing) is dropped: writing this page's URL then would pull the operator back to it.
 */
export function useUrlText(
  value: string | undefined,
  write: (v: string | undefined) => void,
  delayMs = 200,
): readonly [string, (text: string) => void] {
  // Optional so the hook also works (and is unit-tested) outside a router.
  const router = useRouter({ warn: false })
  const urlValue = value ?? ''
  const [text, setText] = useState(urlValue)
  const [seen, setSeen] = useState(urlValue)
  const [written, setWritten] = useState<string | null>(null)
  if (urlValue !== seen) {
    setSeen(urlValue)
    if (urlValue !== written) setText(urlValue)
    setWritten(null)
  }
  useEffect(() => {
    if (text === urlValue) return
    const t = setTimeout(() => {
      const state = router?.state
      if (state?.resolvedLocation && state.location.pathname !== state.resolvedLocation.pathname) return
      setWritten(text)
      write(text === '' ? undefined : text)
    }, delayMs)
    return () => clearTimeout(t)
  }, [text, urlValue, write, delayMs, router])
  return [text, setText] as const
}
