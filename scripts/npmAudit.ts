/**
 * CI's dependency audit (`.ci/run`): `npm audit --omit=dev --audit-level=high`, where a known high or
 * critical advisory fails the build, but a registry that cannot be reached only warns (an offline build
 * machine must still be able to test; the next connected run audits).
 */
import { spawnSync } from 'node:child_process'

export type AuditVerdict = { exit: 0 | 1; message: string }

/** Network failures npm reports in its `--json` error object. */
const UNREACHABLE =
  /^(E?AI_AGAIN|ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|ERR_SOCKET_TIMEOUT)$/

/** Decides from `npm audit --json`'s stdout alone (pure, unit-tested). */
export function auditVerdict(stdout: string): AuditVerdict {
  let report: {
    statusCode?: number
    uri?: string
    error?: { code?: string; summary?: string }
    metadata?: { vulnerabilities?: Record<string, number> }
  }
  try {
    report = JSON.parse(stdout) as typeof report
  } catch {
    return { exit: 1, message: 'npm audit: unreadable output — failing rather than guessing' }
  }
  // The registry (or a mirror without the audit API) answered the advisories endpoint with an HTTP error.
  if (typeof report.statusCode === 'number' && /advisories/.test(report.uri ?? ''))
    return {
      exit: 0,
      message: `npm audit: WARNING — the registry's audit endpoint answered ${report.statusCode}; not audited`,
    }
  if (report.error) {
    const code = String(report.error.code ?? '')
    const summary = String(report.error.summary ?? '')
    if (UNREACHABLE.test(code) || /network|getaddrinfo|ENOTFOUND|EAI_AGAIN|timed? ?out/i.test(summary))
      return {
        exit: 0,
        message: `npm audit: WARNING — registry unreachable (${code || summary}); not audited`,
      }
    return { exit: 1, message: `npm audit failed: ${code} ${summary}`.trim() }
  }
  const v = report.metadata?.vulnerabilities
  if (!v) return { exit: 1, message: 'npm audit: no vulnerability summary in its output' }
  const high = (v.high ?? 0) + (v.critical ?? 0)
  if (high > 0)
    return {
      exit: 1,
      message: `npm audit: ${v.high ?? 0} high and ${v.critical ?? 0} critical in production dependencies`,
    }
  return { exit: 0, message: `npm audit: no high or critical advisories (${v.total ?? 0} lower)` }
}

if (process.argv[1]?.endsWith('npmAudit.ts')) {
  const run = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], { encoding: 'utf8' })
  const verdict = auditVerdict(run.stdout || run.stderr || '')
  ;(verdict.exit ? console.error : console.log)(verdict.message)
  process.exit(verdict.exit)
}
