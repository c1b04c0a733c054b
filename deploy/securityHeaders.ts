/**
 * The response headers of the built console — the ONE source for both servers of a build: `vite preview`
 * (vite.config.ts) sets them on every response, and the nginx config is rendered from them
 * (deploy/nginx/renderNginxConf.ts; a test keeps the committed deploy/nginx/nginx.conf equal to the render).
 * Not used by `vite dev`: the dev server injects inline scripts (React refresh) that this CSP forbids.
 */

/**
 * No inline script at all (the theme bootstrap is the external `/theme-init.js`) and no eval; inline
 * styles stay allowed because xterm and Radix set element styles at runtime. Everything else is the
 * console's own origin: the API is proxied onto it, so `connect-src 'self'` covers fetch and EventSource.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ')

/**
 * Browser features the console never uses, denied so an injected script could not use them either.
 * Only names Chromium knows: an unknown feature name is a console error on every page.
 * The clipboard stays with the console's own origin: it writes (copy a job id, log lines), and reading
 * still needs the user's permission (the e2e tests grant it to check what was copied).
 */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'serial=()',
  'usb=()',
  'clipboard-read=(self)',
  'clipboard-write=(self)',
].join(', ')

/** Header name → value, in the order both servers send them. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  // Legacy twin of frame-ancestors for browsers without CSP level 2.
  'X-Frame-Options': 'DENY',
  // console.<fqdn> is only ever served over TLS (the ingress terminates it); a year, subdomains included.
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'Permissions-Policy': PERMISSIONS_POLICY,
  // The handover redirect is a navigation, never a popup: nothing needs a cross-origin opener.
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
}
