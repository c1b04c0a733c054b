/**
 * Open-redirect defence for `?next=`: only a same-origin absolute path survives. Rejected: non-strings,
 * control characters, whitespace, bidi overrides and line separators (raw or percent-encoded), any
 * backslash, a scheme (`javascript:`, `https:`), protocol-relative `//host` (also percent-encoded, and
 * anywhere in the path: `/a//evil.com` is never a real page), dot segments (`/..`), over-long values and
 * the sign-in pages themselves (a `next` back to `/login` would loop). A leading `/sovereign` (repeated or
 * not) is removed, because `next` is a router path and the router adds the basepath itself: never
 * `/sovereign/sovereign/…` (regression 6).
 */
const MAX_NEXT_LENGTH = 2048

// C0/C1 controls, all whitespace (incl. NBSP and the Unicode spaces), zero-width and bidi controls, line
// and paragraph separators, BOM.
const UNSAFE_CHARS =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]/

function isSovereignPrefixed(p: string): boolean {
  return (
    p === '/sovereign' ||
    p.startsWith('/sovereign/') ||
    p.startsWith('/sovereign?') ||
    p.startsWith('/sovereign#')
  )
}

export function sanitiseNext(raw: unknown): string | undefined {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_NEXT_LENGTH) return undefined
  if (UNSAFE_CHARS.test(raw) || raw.includes('\\')) return undefined
  if (!raw.startsWith('/') || raw.startsWith('//')) return undefined
  let decoded: string
  try {
    decoded = decodeURIComponent(raw)
  } catch {
    return undefined
  }
  if (UNSAFE_CHARS.test(decoded) || decoded.includes('\\')) return undefined
  let next = raw
  while (isSovereignPrefixed(next)) {
    next = next.slice('/sovereign'.length)
    if (!next.startsWith('/')) next = `/${next}`
  }
  const path = next.split(/[?#]/)[0] ?? next
  let decodedPath: string
  try {
    decodedPath = decodeURIComponent(path)
  } catch {
    return undefined
  }
  if (decodedPath.startsWith('//') || decodedPath.includes('//')) return undefined
  if (decodedPath.split('/').some((s) => s === '.' || s === '..')) return undefined
  if (/^[a-z][a-z0-9+.-]*:/i.test(decodedPath.slice(1))) return undefined
  const lower = decodedPath.toLowerCase().replace(/\/+$/, '')
  if (lower === '/login' || lower.startsWith('/login/')) return undefined
  return next
}
