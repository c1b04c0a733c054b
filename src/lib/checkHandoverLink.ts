import { isHostName } from './links.ts'

export type HandoverLinkCheck = { ok: true; url: string } | { ok: false; reason: string }

/** A JWT's alphabet (base64url segments joined by dots): nothing that could end or extend the query. */
const TOKEN = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/

function isLocalHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname.endsWith('.localhost') || hostname === '127.0.0.1'
}

/**
 * Whether the console may follow `raw`, a handover link the API minted for the Sovereign `deploymentFqdn`.
 * The link signs its holder in as the Sovereign's owner, so only one form is followed:
 * `https://console.<fqdn>/auth/handover?token=<jwt>` — that exact host, no port, no user info, that path,
 * the token alone. When the console itself runs on a `localhost` origin (the mock), the mock's
 * `http://console.<fqdn>.localhost:<same port>/auth/handover?token=…` is the same link. Anything else is
 * refused with the reason in words, and never followed.
 */
export function checkHandoverLink(
  raw: string,
  deploymentFqdn: string,
  consoleOrigin: string,
): HandoverLinkCheck {
  const refuse = (why: string): HandoverLinkCheck => ({
    ok: false,
    reason: `The handover link catalyst-api answered was not followed: ${why}`,
  })
  const fqdn = deploymentFqdn.toLowerCase()
  if (!isHostName(fqdn)) return refuse(`"${deploymentFqdn}" is not a host name.`)
  const expectedHost = `console.${fqdn}`
  // Parsed without a base: relative and protocol-relative links do not parse, and are refused.
  let url: URL
  let here: URL
  try {
    url = new URL(raw)
    here = new URL(consoleOrigin)
  } catch {
    return refuse('it is not an absolute web address.')
  }
  // The parser forgives `https:\\host`, tabs and the like; a link written that way is not the API's.
  if (!/^https?:\/\/[^\\\s]*$/i.test(raw)) return refuse('it is not a plain https address.')
  const local = isLocalHost(here.hostname)
  const asLocal =
    local &&
    url.protocol === here.protocol &&
    url.hostname === `${expectedHost}.localhost` &&
    url.port === here.port
  const asProduction = url.protocol === 'https:' && url.hostname === expectedHost && url.port === ''
  if (!asLocal && !asProduction) {
    if (url.protocol !== 'https:' && !(local && url.protocol === 'http:')) return refuse('it is not https.')
    return refuse(`it points to ${url.host}, not to ${expectedHost}.`)
  }
  if (url.username || url.password) return refuse('it carries a user name or password.')
  // The parser drops a default port (`:443`) and lowers the host's case: compare the address as written.
  if (!raw.toLowerCase().startsWith(`${url.protocol}//${url.host}/`))
    return refuse(`it does not name ${expectedHost} plainly.`)
  if (url.pathname !== '/auth/handover') return refuse(`its path is ${url.pathname}, not /auth/handover.`)
  if (url.hash) return refuse('it carries a fragment.')
  const params = [...url.searchParams]
  const token = url.searchParams.get('token') ?? ''
  if (params.length !== 1 || !TOKEN.test(token))
    return refuse('it does not carry exactly one handover token.')
  return { ok: true, url: url.href }
}
