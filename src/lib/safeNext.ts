/**
 * Open-redirect defence for `?next=`: only a same-origin absolute path survives. Rejected: non-strings,
 * control characters or whitespace, any backslash, a scheme (`javascript:`, `https:`), protocol-relative
 * `//host` (also when percent-encoded), and over-long values. A leading `/sovereign` is removed, because
 * `next` is a router path and the router adds the basepath itself (never `/sovereign/sovereign/…`).
 */
export function sanitiseNext(raw: unknown): string | undefined {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2048) return undefined
  // Control characters, whitespace, bidi overrides and line separators.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f-\u00a0\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(raw))
    return undefined
  if (raw.includes('\\')) return undefined
  if (!raw.startsWith('/') || raw.startsWith('//')) return undefined
  let decoded: string
  try {
    decoded = decodeURIComponent(raw)
  } catch {
    return undefined
  }
  // eslint-disable-next-line no-control-regex
  if (decoded.startsWith('//') || decoded.includes('\\') || /[\u0000-\u001f\u007f]/.test(decoded))
    return undefined
  let next = raw
  if (next === '/sovereign' || next.startsWith('/sovereign/') || next.startsWith('/sovereign?')) {
    next = next.slice('/sovereign'.length) || '/'
    if (!next.startsWith('/')) next = `/${next}`
  }
  if (next.startsWith('//')) return undefined
  const path = next.split(/[?#]/)[0] ?? next
  if (path === '/login' || path.startsWith('/login/')) return undefined
  return next
}
