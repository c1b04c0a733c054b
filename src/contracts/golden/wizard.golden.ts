/**
 * Golden wire samples of the wizard's public endpoints and the Sovereign's own. Upstream: `internal/handler/
 * subdomains.go` (+ pool-domain-manager `allocator.go`: reason codes, prose in `detail`, `fqdn`
 * omitempty), `internal/handler/credentials.go`, `internal/handler/sshkey.go`, `internal/handler/
 * registrar.go` (+ PDM `handler/registrar.go`); the Sovereign ones from the contract §2.9.
 */
import { SovereignApp } from '../apps.ts'
import { SovereignSelf } from '../auth.ts'
import { ErrorBody } from '../errors.ts'
import {
  CredentialsValidateResponse,
  RegistrarValidateResponse,
  SshKeyPair,
  SubdomainCheckResponse,
} from '../wizard.ts'
import type { GoldenTable } from './golden.ts'

export const WIZARD_GOLDEN: GoldenTable[] = [
  {
    endpoint: 'POST /subdomains/check',
    schema: SubdomainCheckResponse,
    cases: [
      {
        name: 'available',
        source: 'PDM allocator.go CheckResult',
        wire: { available: true, fqdn: 'nova.omani.works' },
      },
      {
        name: 'not a DNS label (no fqdn)',
        source: 'internal/handler/subdomains.go CheckSubdomain',
        wire: {
          available: false,
          reason: 'invalid-format',
          detail: 'subdomain must be a-z, 0-9 and hyphens, start with a letter, max 63 characters',
        },
      },
      {
        name: 'reserved by PDM (no fqdn)',
        source: 'PDM allocator.go Check',
        wire: {
          available: false,
          reason: 'reserved',
          detail: 'this subdomain is reserved for the Sovereign control plane — pick a different name',
        },
      },
      {
        name: 'taken by a live Sovereign',
        source: 'PDM allocator.go Check',
        wire: {
          available: false,
          reason: 'active-state',
          detail: 'this subdomain is already taken by a live Sovereign — pick a different name',
          fqdn: 'acme.omani.works',
        },
      },
      {
        name: 'a BYO name that resolves',
        source: 'internal/handler/subdomains.go checkBYO',
        wire: {
          available: false,
          reason: 'exists',
          detail: 'this subdomain already resolves in DNS — pick a different name',
          fqdn: 'edge.northwind.eu',
        },
      },
      {
        name: 'PDM down',
        source: 'internal/handler/subdomains.go checkManagedPool',
        wire: {
          available: false,
          reason: 'pdm-unavailable',
          detail: 'pool-domain-manager is temporarily unreachable — try again',
          fqdn: 'nova.omani.works',
        },
        mock: false,
      },
    ],
  },
  {
    endpoint: 'POST /credentials/validate',
    schema: CredentialsValidateResponse,
    cases: [
      {
        name: '200 accepted',
        source: 'internal/handler/credentials.go validateResponse',
        wire: { valid: true, message: 'read/write access confirmed' },
      },
      {
        name: '200 rejected by Hetzner',
        source: 'internal/handler/credentials.go',
        wire: { valid: false, message: 'token rejected — ensure it has Read & Write permissions' },
      },
      {
        name: '400 shorter than 64 characters',
        source: 'internal/handler/credentials.go',
        wire: { valid: false, message: 'token too short — Hetzner API tokens are at least 64 characters' },
      },
    ],
  },
  {
    endpoint: 'POST /sshkey/generate',
    schema: SshKeyPair,
    cases: [
      {
        name: 'an ed25519 pair in OpenSSH formats',
        source: 'internal/handler/sshkey.go SSHKeyGenerateResponse',
        wire: {
          publicKey:
            'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFbD9pjo37g8VfqmRx08DIxF+ahEJElOit3Vhng2hkKX catalyst@nova.omani.works',
          privateKey:
            '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----\n',
          fingerprint: 'SHA256:7BI3Cf0wQZExS6OgsU4Y1tsczvn6zVJ4ERII0FqvEY4',
        },
      },
    ],
  },
  {
    endpoint: 'POST /registrar/{registrar}/validate',
    schema: RegistrarValidateResponse,
    cases: [
      {
        name: '200 credentials work and the domain is in the account',
        source: 'PDM handler/registrar.go ValidateResponse',
        wire: { valid: true, registrar: 'cloudflare', domain: 'northwind.eu' },
      },
    ],
  },
  {
    endpoint: 'GET /sovereign/self',
    schema: SovereignSelf,
    cases: [
      {
        name: 'a stamped Sovereign',
        source: 'contract §2.9',
        wire: { deploymentId: 'a43364f11c10cde3', sovereignFQDN: 't126.omani.works' },
      },
    ],
  },
  {
    endpoint: 'PATCH /sovereign/apps/{slug}/publish',
    schema: SovereignApp,
    cases: [
      {
        name: 'the app row after the toggle',
        source: 'contract §2.9; the upstream console reads GET /sovereign/apps',
        wire: {
          id: 'bp-grafana',
          slug: 'grafana',
          status: 'installed',
          marketplacePublished: false,
          environment: 'prod',
          externalURL: 'https://grafana.t126.omani.works',
        },
      },
    ],
  },
  {
    endpoint: 'JSON error bodies',
    schema: ErrorBody,
    cases: [
      { name: 'job not found', source: 'internal/handler/jobs.go GetJob', wire: { error: 'job-not-found' } },
      {
        name: 'execution not found',
        source: 'internal/handler/jobs.go GetExecutionLogs',
        wire: { error: 'execution-not-found' },
      },
      {
        name: 'infrastructure: unknown deployment',
        source: 'internal/handler/infrastructure.go writeNotFound',
        wire: { error: 'deployment-not-found', detail: 'no deployment with id ffffffffffffffff' },
      },
      {
        name: 'an unstamped Sovereign',
        source: 'contract §2.9',
        wire: { error: 'deployment-id-not-yet-stamped', fqdn: 'live.omani.works' },
      },
      {
        name: 'refresh-watch gave up waiting for the informer',
        source: 'internal/handler/jobs_backfill.go RefreshWatch',
        wire: {
          error: 'seed-timeout',
          detail: 'watcher started but informer initial-list did not sync within 30s',
          watching: true,
        },
      },
      {
        name: 'a registrar refused the credentials',
        source: 'PDM handler/registrar.go writeRegistrarErr',
        wire: {
          error: 'invalid-token',
          detail: 'credentials rejected by cloudflare',
          registrar: 'cloudflare',
          domain: 'northwind.eu',
        },
      },
    ],
  },
]
