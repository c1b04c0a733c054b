/** Blueprint catalog (bootstrap kit) and the `/sovereign/apps` view of one Sovereign. */
import type { z } from 'zod'
import { PUBLIC_HOST_OF_CHART, type CatalogBlueprint, type SovereignApp } from '../../src/contracts/apps.ts'
import { componentStatesAt } from './derive/componentStates.ts'
import { BOOTSTRAP_KIT, type Chart } from './kit.ts'
import type { Mutations, Timeline } from './timeline/index.ts'

type BlueprintWire = z.input<typeof CatalogBlueprint>
type SovereignAppWire = z.input<typeof SovereignApp>

const TITLES: Record<string, string> = {
  'cert-manager': 'cert-manager',
  'nats-jetstream': 'NATS JetStream',
  openbao: 'OpenBao',
  powerdns: 'PowerDNS',
  'external-dns': 'ExternalDNS',
  cnpg: 'CloudNativePG',
  seaweedfs: 'SeaweedFS',
  opentelemetry: 'OpenTelemetry',
  vpa: 'Vertical Pod Autoscaler',
  'syft-grype': 'Syft & Grype',
  'k8s-ws-proxy': 'Kubernetes WebSocket proxy',
  'hcloud-ccm': 'Hetzner Cloud controller',
  'cluster-autoscaler-hcloud': 'Cluster Autoscaler (Hetzner)',
  newapi: 'NewAPI gateway',
}

export function chartTitle(chart: string): string {
  return (
    TITLES[chart] ??
    chart
      .split('-')
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join(' ')
  )
}

function blueprint(c: Chart): BlueprintWire {
  const version = `1.${c.slot.length + 2}.${Number.parseInt(c.slot, 10) % 7 || 0}`
  const familyName = BOOTSTRAP_KIT.families[c.family] ?? c.family
  return {
    name: `bp-${c.chart}`,
    version,
    visibility: 'public',
    card: {
      title: chartTitle(c.chart),
      summary: `${chartTitle(c.chart)} — part of the Catalyst bootstrap kit (${familyName}).`,
      description: `Installed on every cluster of a Sovereign as HelmRelease ${c.helmRelease} in namespace ${c.namespace}.`,
      tagline: familyName,
      category: familyName,
      family: c.family,
      tags: ['bootstrap-kit', c.family],
      license: 'Apache-2.0',
      docs: `https://docs.openova.io/blueprints/${c.chart}`,
    },
    origin: 'openova',
    source: 'bootstrap-kit',
    versions: [{ version, chartRef: `ghcr.io/openova-io/${c.helmRelease}:${version}` }],
    chartRef: `ghcr.io/openova-io/${c.helmRelease}:${version}`,
    namespace: c.namespace,
    bootstrap: true,
    dependsOn: c.dependsOn.map((d) => `bp-${d}`),
  }
}

export const CATALOG: BlueprintWire[] = BOOTSTRAP_KIT.charts.map(blueprint)

const APP_STATUS: Record<string, string> = {
  installed: 'installed',
  installing: 'installing',
  failed: 'failed',
  degraded: 'degraded',
  pending: 'pending',
}

export function sovereignApps(tl: Timeline, t: number, mut: Mutations): SovereignAppWire[] {
  const states = componentStatesAt(tl, t, mut)
  const fqdn = tl.spec.request.sovereignFQDN
  return BOOTSTRAP_KIT.charts.map((c) => {
    const endpoint = PUBLIC_HOST_OF_CHART[c.chart]
    return {
      id: `bp-${c.chart}`,
      slug: c.chart,
      status: APP_STATUS[states[c.chart] ?? ''] ?? 'available',
      marketplacePublished: mut.published?.get(c.chart) ?? ['gitea', 'harbor', 'grafana'].includes(c.chart),
      environment: 'prod',
      ...(endpoint ? { externalURL: `https://${endpoint}.${fqdn}` } : {}),
    }
  })
}
