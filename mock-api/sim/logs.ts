/**
 * Log and event text generators. Everything is a pure function of its inputs and a seeded random source,
 * so the same deployment always prints the same lines at the same virtual instants.
 */
import type { Chart } from './kit.ts'
import type { Day2Mutation } from './timeline/index.ts'

export type Level = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR'

/** A line at `offsetMs` after its execution started. */
export interface TimedLine {
  offsetMs: number
  level: Level
  text: string
}

// Colour is kept only where the real tool prints it: the Flux CLI's symbols and the cutover steps.
const ESC = '\x1b['
const RESET = `${ESC}0m`
const GREEN = `${ESC}32m`
const RED = `${ESC}31m`
const YELLOW = `${ESC}33m`
const CYAN = `${ESC}36m`

const green = (s: string) => `${RESET}${GREEN}${s}${RESET}`

export interface RegionResources {
  key: string
  workers: number
}

/** `tofu init -no-color`: plain text, as upstream runs it (Go `provisioner/provisioner.go`). */
export function tofuInitLines(durationMs: number): TimedLine[] {
  const at = (f: number) => Math.round(durationMs * f)
  return [
    { offsetMs: at(0.02), level: 'INFO', text: 'Initializing the backend...' },
    {
      offsetMs: at(0.1),
      level: 'INFO',
      text: 'Successfully configured the backend "s3"!',
    },
    { offsetMs: at(0.2), level: 'INFO', text: 'Initializing provider plugins...' },
    {
      offsetMs: at(0.3),
      level: 'INFO',
      text: '- Finding hetznercloud/hcloud versions matching "~> 1.49"...',
    },
    { offsetMs: at(0.55), level: 'INFO', text: '- Installing hetznercloud/hcloud v1.49.1...' },
    {
      offsetMs: at(0.75),
      level: 'INFO',
      text: '- Installed hetznercloud/hcloud v1.49.1 (signed, key ID 5219EACB3A77198B)',
    },
    {
      offsetMs: at(0.85),
      level: 'WARN',
      text: 'Warning: provider "powerdns" is not pinned to a version',
    },
    {
      offsetMs: at(0.98),
      level: 'INFO',
      text: 'OpenTofu has been successfully initialized!',
    },
  ]
}

function resourceAddresses(regions: RegionResources[]): string[] {
  const out = ['hcloud_ssh_key.deployer', 'minio_s3_bucket.catalyst_state']
  for (const r of regions) {
    out.push(
      `hcloud_network.main["${r.key}"]`,
      `hcloud_network_subnet.nodes["${r.key}"]`,
      `hcloud_firewall.cluster["${r.key}"]`,
      `hcloud_server.control_plane["${r.key}"]`,
      ...Array.from({ length: r.workers }, (_, i) => `hcloud_server.worker["${r.key}-${i + 1}"]`),
      `hcloud_load_balancer.ingress["${r.key}"]`,
      `hcloud_load_balancer_network.ingress["${r.key}"]`,
      `hcloud_load_balancer_target.workers["${r.key}"]`,
      ...['http', 'https', 'kube_api'].map((s) => `hcloud_load_balancer_service.${s}["${r.key}"]`),
    )
  }
  return out
}

export function tofuPlanLines(durationMs: number, regions: RegionResources[]): TimedLine[] {
  const addrs = resourceAddresses(regions)
  const lines: TimedLine[] = [
    {
      offsetMs: 200,
      level: 'INFO',
      text: 'OpenTofu used the selected providers to generate the following execution plan.',
    },
    { offsetMs: 300, level: 'INFO', text: `Resource actions are indicated with the following symbols:` },
    { offsetMs: 320, level: 'INFO', text: '  + create' },
  ]
  addrs.forEach((a, i) => {
    lines.push({
      offsetMs: Math.round(400 + ((durationMs - 1200) * i) / addrs.length),
      level: 'INFO',
      text: `  # ${a} will be created`,
    })
  })
  lines.push({
    offsetMs: durationMs - 300,
    level: 'INFO',
    text: `Plan: ${addrs.length} to add, 0 to change, 0 to destroy.`,
  })
  return lines
}

/**
 * `tofu apply -no-color` output (upstream runs every tofu command with `-no-color`, so none of the OpenTofu
 * text carries ANSI) in resource waves (network → firewall/key → servers → load balancers) with the
 * "Still creating..." lines servers print every 10 s. The duration is whatever the waves add up to.
 * With `failAt` set, creation of that resource fails with a Hetzner quota error.
 */
export function tofuApplyLines(
  regions: RegionResources[],
  rand: () => number,
  failRegionKey?: string,
  /** false: compute only the timing (same random draws, no text) — the text is built lazily when read. */
  collect = true,
): { lines: TimedLine[]; durationMs: number; failed: boolean } {
  const lines: TimedLine[] = []
  let t = 500
  let ids = 4_700_000 + Math.floor(rand() * 100_000)
  let created = 0
  const create = (addr: string, start: number, seconds: number): number => {
    const end = start + seconds * 1000
    const id = ids++
    created++
    if (!collect) return end
    lines.push({ offsetMs: start, level: 'INFO', text: `${addr}: Creating...` })
    for (let s = 10; s < seconds; s += 10) {
      lines.push({
        offsetMs: start + s * 1000,
        level: 'INFO',
        text: `${addr}: Still creating... [${s}s elapsed]`,
      })
    }
    lines.push({
      offsetMs: end,
      level: 'INFO',
      text: `${addr}: Creation complete after ${seconds}s [id=${id}]`,
    })
    return end
  }
  t = create('hcloud_ssh_key.deployer', t, 1 + Math.floor(rand() * 2))
  let wave = t
  for (const r of regions)
    wave = Math.max(wave, create(`hcloud_network.main["${r.key}"]`, t, 2 + Math.floor(rand() * 4)))
  t = wave + 200
  for (const r of regions) {
    wave = Math.max(wave, create(`hcloud_network_subnet.nodes["${r.key}"]`, t, 1 + Math.floor(rand() * 3)))
    wave = Math.max(wave, create(`hcloud_firewall.cluster["${r.key}"]`, t + 100, 1 + Math.floor(rand() * 3)))
  }
  t = wave + 300
  // Servers boot in parallel; the control plane of each region runs cloud-init (k3s) before it reports done.
  let failed = false
  for (const r of regions) {
    if (failRegionKey === r.key) {
      const addr = `hcloud_server.worker["${r.key}-1"]`
      lines.push({ offsetMs: t, level: 'INFO', text: `${addr}: Creating...` })
      const errAt = t + (4 + Math.floor(rand() * 6)) * 1000
      lines.push(
        { offsetMs: errAt, level: 'ERROR', text: '╷' },
        {
          offsetMs: errAt + 1,
          level: 'ERROR',
          text: '│ Error: resource_limit_exceeded: server limit reached for project (limit: 10)',
        },
        { offsetMs: errAt + 2, level: 'ERROR', text: '│' },
        {
          offsetMs: errAt + 3,
          level: 'ERROR',
          text: `│   with ${addr},`,
        },
        {
          offsetMs: errAt + 4,
          level: 'ERROR',
          text: '│   on main.tf line 88, in resource "hcloud_server" "worker":',
        },
        { offsetMs: errAt + 5, level: 'ERROR', text: '╵' },
      )
      failed = true
      wave = errAt + 5
      break
    }
    wave = Math.max(
      wave,
      create(`hcloud_server.control_plane["${r.key}"]`, t, 180 + Math.floor(rand() * 200)),
    )
    for (let i = 0; i < r.workers; i++) {
      wave = Math.max(
        wave,
        create(`hcloud_server.worker["${r.key}-${i + 1}"]`, t + 150, 60 + Math.floor(rand() * 120)),
      )
    }
  }
  if (!failed) {
    t = wave + 300
    for (const r of regions) {
      const lbEnd = create(`hcloud_load_balancer.ingress["${r.key}"]`, t, 20 + Math.floor(rand() * 20))
      let end = create(
        `hcloud_load_balancer_network.ingress["${r.key}"]`,
        lbEnd + 100,
        2 + Math.floor(rand() * 3),
      )
      end = Math.max(
        end,
        create(`hcloud_load_balancer_target.workers["${r.key}"]`, lbEnd + 150, 2 + Math.floor(rand() * 3)),
      )
      for (const s of ['http', 'https', 'kube_api']) {
        end = Math.max(
          end,
          create(`hcloud_load_balancer_service.${s}["${r.key}"]`, lbEnd + 200, 1 + Math.floor(rand() * 3)),
        )
      }
      wave = Math.max(wave, end)
    }
    wave = Math.max(wave, create('minio_s3_bucket.catalyst_state', t, 3 + Math.floor(rand() * 5)))
    wave += 400
    lines.push({
      offsetMs: wave,
      level: 'INFO',
      text: `Apply complete! Resources: ${created} added, 0 changed, 0 destroyed.`,
    })
  }
  lines.sort((a, b) => a.offsetMs - b.offsetMs)
  return { lines, durationMs: wave + 100, failed }
}

export function tofuOutputLines(durationMs: number, lbIp: string, cpIp: string, fqdn: string): TimedLine[] {
  return [
    {
      offsetMs: Math.round(durationMs * 0.2),
      level: 'INFO',
      text: `control_plane_ip = "${cpIp}"`,
    },
    {
      offsetMs: Math.round(durationMs * 0.4),
      level: 'INFO',
      text: `load_balancer_ip = "${lbIp}"`,
    },
    {
      offsetMs: Math.round(durationMs * 0.6),
      level: 'INFO',
      text: `console_url = "https://console.${fqdn}"`,
    },
    {
      offsetMs: Math.round(durationMs * 0.8),
      level: 'INFO',
      text: `gitops_repo_url = "https://gitea.${fqdn}/catalyst/sovereign.git"`,
    },
  ]
}

export function fluxBootstrapLines(
  durationMs: number,
  fqdn: string,
  outcome: 'ok' | 'no-kubeconfig' | 'no-reconcile',
): TimedLine[] {
  if (outcome === 'no-kubeconfig') {
    const lines: TimedLine[] = []
    for (let s = 15; s * 1000 < durationMs; s += 60) {
      lines.push({
        offsetMs: s * 1000,
        level: 'WARN',
        text: `waiting for the primary kubeconfig postback (${s}s elapsed)`,
      })
    }
    lines.push({
      offsetMs: durationMs,
      level: 'ERROR',
      text: `${RED}✗${RESET} kubeconfig never arrived from cloud-init after 15m0s; giving up`,
    })
    return lines
  }
  const base: TimedLine[] = [
    { offsetMs: 100, level: 'INFO', text: `${CYAN}►${RESET} connecting to the new cluster` },
    {
      offsetMs: 800,
      level: 'INFO',
      text: `${CYAN}►${RESET} installing components in "flux-system" namespace`,
    },
    { offsetMs: 3500, level: 'INFO', text: `${GREEN}✔${RESET} install completed` },
    { offsetMs: 4000, level: 'INFO', text: `${CYAN}◎${RESET} verifying installation` },
    { offsetMs: 6000, level: 'INFO', text: `${GREEN}✔${RESET} source-controller: deployment ready` },
    { offsetMs: 6500, level: 'INFO', text: `${GREEN}✔${RESET} kustomize-controller: deployment ready` },
    { offsetMs: 7000, level: 'INFO', text: `${GREEN}✔${RESET} helm-controller: deployment ready` },
    {
      offsetMs: 8000,
      level: 'INFO',
      text: `${CYAN}►${RESET} reconciling clusters/${fqdn}/ from the GitOps repository`,
    },
  ]
  if (outcome === 'no-reconcile') {
    base.push({
      offsetMs: 15 * 60_000,
      level: 'WARN',
      text: `${YELLOW}⚠${RESET} Phase 1 watch saw 0 HelmReleases in 15m0s; the bootstrap-kit Kustomization may not be reconciling`,
    })
    base.push({
      offsetMs: durationMs,
      level: 'ERROR',
      text: `${RED}✗${RESET} watch timeout after 2h0m0s: no HelmRelease observed (flux-not-reconciling)`,
    })
  } else {
    base.push({
      offsetMs: durationMs,
      level: 'INFO',
      text: `${GREEN}✔${RESET} first HelmReleases observed; Phase 1 watch attached`,
    })
  }
  return base.filter((l) => l.offsetMs <= durationMs)
}

export function chartVersion(chart: Chart, seed: number): string {
  return `1.${(seed + chart.chart.length) % 9}.${chart.slot.length + (seed % 5)}`
}

/** helm-controller style lines of one install attempt. */
export function installLines(
  chart: Chart,
  version: string,
  durationMs: number,
  ok: boolean,
  retry: boolean,
  rand: () => number,
): TimedLine[] {
  const hr = `flux-system/${chart.helmRelease}`
  const lines: TimedLine[] = []
  if (retry)
    lines.push({
      offsetMs: 0,
      level: 'WARN',
      text: `[retrying] manual retry requested; reinstalling ${chart.helmRelease}`,
    })
  lines.push(
    { offsetMs: 10, level: 'INFO', text: `[installing] Running 'install' action with timeout of 15m0s` },
    {
      offsetMs: 800,
      level: 'DEBUG',
      text: `fetched chart ${chart.helmRelease}@${version} from oci://ghcr.io/openova-io/${chart.helmRelease}`,
    },
  )
  const kinds = ['Deployment', 'StatefulSet', 'Service', 'ConfigMap', 'Secret']
  const steps = Math.max(1, Math.floor(durationMs / 20_000))
  for (let i = 1; i <= steps; i++) {
    const waiting = Math.max(1, Math.round((1 - i / (steps + 1)) * 6))
    const kind = kinds[Math.floor(rand() * kinds.length)] ?? 'Deployment'
    lines.push({
      offsetMs: Math.round((durationMs * i) / (steps + 1)),
      level: i % 3 === 0 ? 'INFO' : 'DEBUG',
      text: `${hr}: waiting for ${waiting} resource(s) to become ready: ${kind}/${chart.namespace}/${chart.chart}`,
    })
  }
  if (ok) {
    lines.push({
      offsetMs: durationMs,
      level: 'INFO',
      text: `[installed] Helm install succeeded for release ${chart.namespace}/${chart.chart}.v1 with chart ${chart.helmRelease}@${version}`,
    })
  } else {
    lines.push(
      {
        offsetMs: durationMs - 60_000,
        level: 'WARN',
        text: `${hr}: Helm install in progress, 14m0s elapsed`,
      },
      {
        offsetMs: durationMs,
        level: 'ERROR',
        text: `[failed] Helm install failed for release ${chart.namespace}/${chart.chart}: context deadline exceeded`,
      },
    )
  }
  return lines.sort((a, b) => a.offsetMs - b.offsetMs)
}

export function stepLines(title: string, durationMs: number, details: string[]): TimedLine[] {
  const lines: TimedLine[] = [{ offsetMs: 0, level: 'INFO', text: `${CYAN}►${RESET} ${title}` }]
  details.forEach((d, i) =>
    lines.push({
      offsetMs: Math.round((durationMs * (i + 1)) / (details.length + 1)),
      level: 'INFO',
      text: d,
    }),
  )
  lines.push({ offsetMs: durationMs, level: 'INFO', text: green(`✔ ${title}: done`) })
  return lines
}

/** The audit lines catalyst-api writes for one Day-2 request (Go `jobs/mutation_bridge.go`). */
export function mutationLines(m: Day2Mutation): TimedLine[] {
  const request = `[mutation-request] ${m.action}${m.diff ? ` diff=${m.diff.replace(/\n/g, ' ')}` : ''}`
  return [
    { offsetMs: 0, level: 'INFO', text: request.trim() },
    m.ok
      ? {
          offsetMs: 0,
          level: 'INFO',
          text: `[xrc-submitted] kind=${m.xrcKind} name=${m.xrcName}${m.note ? ` note=${m.note}` : ''}`,
        }
      : { offsetMs: 0, level: 'ERROR', text: `[xrc-submission-failed] ${m.note}` },
  ]
}
