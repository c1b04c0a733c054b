/**
 * The kubectl-like list (`GET /sovereigns/{id}/k8s/list?kind=`, contract §2.15) derived from the same
 * timeline as the topology: an object exists once the HelmRelease that owns it finished (or failed) in that
 * region's cluster, so the lists grow as the bootstrap kit installs and a failed chart shows failed objects.
 * Services per chart per region, HTTPRoutes/Ingresses per exposed app, a DNS zone per FQDN and per region,
 * StorageClasses per cluster.
 */
import type { K8sObjectWire, K8sResource } from '../../src/contracts/k8s.ts'
import { leafStates } from './derive.ts'
import { rfc3339 } from './goTime.ts'
import { hashString } from './rng.ts'
import { topologyAt } from './topology.ts'
import type { Mutations, Timeline } from './timeline/index.ts'

/** Ports a chart's main Service listens on (others: 80/http). */
const SERVICE_PORTS: Record<string, [number, string][]> = {
  cnpg: [[5432, 'postgres']],
  valkey: [[6379, 'redis']],
  'nats-jetstream': [
    [4222, 'client'],
    [8222, 'monitor'],
  ],
  keycloak: [[8080, 'http']],
  openbao: [[8200, 'http']],
  gitea: [
    [3000, 'http'],
    [22, 'ssh'],
  ],
  harbor: [[443, 'https']],
  powerdns: [
    [53, 'dns'],
    [8081, 'api'],
  ],
  loki: [[3100, 'http']],
  mimir: [[8080, 'http']],
  tempo: [[3200, 'http']],
  grafana: [[3000, 'http']],
  seaweedfs: [[8333, 's3']],
  'cert-manager': [[9402, 'metrics']],
  cilium: [[4244, 'hubble']],
}

/** Apps reachable from outside: chart → [subdomain, route kind]; the rest are cluster-internal. */
const EXPOSED: Record<string, [string, 'HTTPRoute' | 'Ingress']> = {
  'catalyst-platform': ['console', 'HTTPRoute'],
  keycloak: ['auth', 'HTTPRoute'],
  gitea: ['git', 'HTTPRoute'],
  grafana: ['grafana', 'HTTPRoute'],
  openbao: ['vault', 'HTTPRoute'],
  newapi: ['api', 'HTTPRoute'],
  harbor: ['registry', 'Ingress'],
  guacamole: ['remote', 'Ingress'],
}

type Status = 'healthy' | 'degraded' | 'failed'
const statusOf = (s: string): Status | undefined =>
  s === 'succeeded' ? 'healthy' : s === 'failed' ? 'failed' : s === 'running' ? 'degraded' : undefined

/** Every object of the Sovereign at `t`, all kinds (the route filters by kind). */
export function k8sObjectsAt(tl: Timeline, t: number, mut: Mutations): Record<K8sResource, K8sObjectWire[]> {
  const out: Record<K8sResource, K8sObjectWire[]> = {
    services: [],
    ingresses: [],
    httproutes: [],
    dnszones: [],
    storageclasses: [],
  }
  const { spec } = tl
  const fqdn = spec.request.sovereignFQDN
  const topo = topologyAt(tl, t, mut)
  const leaves = leafStates(tl, t, mut)
  for (const region of topo.topology?.regions ?? []) {
    const plan = spec.regions.find((r) => r.key === region.name)
    const cluster = region.clusters?.[0]
    if (!plan || !cluster) continue
    const where = { cluster: cluster.name, region: plan.key }
    const zone = plan.primary ? fqdn : `${plan.key}.${fqdn}`
    const charts = leaves.filter((l) => l.job.regionKey === plan.key && l.job.chart)
    const installed = new Map<string, { status: Status; at: number }>()
    for (const l of charts) {
      const status = statusOf(l.status)
      if (status) installed.set(l.job.chart!.chart, { status, at: l.finishedAt ?? l.startedAt ?? t })
    }
    const created = (at: number) => rfc3339(at)
    const firstAt = Math.min(...[...installed.values()].map((v) => v.at), t)
    const ip = (chart: string) =>
      `10.43.${hashString(`${plan.key}:${chart}`) % 250}.${(hashString(chart) % 250) + 2}`

    for (const [chart, { status, at }] of installed) {
      const c = charts.find((l) => l.job.chart!.chart === chart)!.job.chart!
      const ports = (SERVICE_PORTS[chart] ?? [[80, 'http']]).map(([port, name]) => ({
        port,
        protocol: name === 'dns' ? 'UDP' : 'TCP',
        name,
      }))
      out.services.push({
        kind: 'Service',
        name: chart,
        namespace: c.namespace,
        ...where,
        status,
        createdAt: created(at),
        type: 'ClusterIP',
        clusterIP: ip(chart),
        externalIP: '',
        ports,
        release: c.helmRelease,
      })
      const exposed = EXPOSED[chart]
      if (exposed) {
        const [sub, kind] = exposed
        const route = {
          name: chart,
          namespace: c.namespace,
          ...where,
          status,
          createdAt: created(at),
          hosts: [`${sub}.${zone}`],
          backend: `${chart}:${ports[0]!.port}`,
          via: kind === 'HTTPRoute' ? 'kube-system/cilium-gateway' : 'cilium',
          tls: true,
        }
        if (kind === 'HTTPRoute') out.httproutes.push({ kind, ...route })
        else out.ingresses.push({ kind, ...route })
      }
    }
    const gateway = installed.get('cilium')
    if (gateway) {
      const lb = cluster.loadBalancers?.[0]
      out.services.push({
        kind: 'Service',
        name: 'cilium-gateway',
        namespace: 'kube-system',
        ...where,
        status: gateway.status,
        createdAt: created(gateway.at),
        type: 'LoadBalancer',
        clusterIP: ip('cilium-gateway'),
        externalIP: lb?.publicIP ?? '',
        ports: [
          { port: 80, protocol: 'TCP', name: 'http' },
          { port: 443, protocol: 'TCP', name: 'https' },
        ],
        release: 'bp-cilium',
      })
    }

    const dns = installed.get('powerdns')
    if (dns) {
      const hosts = [...out.httproutes, ...out.ingresses].filter(
        (r) => r.region === plan.key && 'hosts' in r,
      ).length
      out.dnszones.push({
        kind: 'DNSZone',
        name: zone,
        namespace: 'powerdns',
        ...where,
        status: dns.status,
        createdAt: created(dns.at),
        // SOA + NS pair + apex A + one record per routed host.
        records: 4 + hosts,
        serial: Number(new Date(dns.at).toISOString().slice(0, 10).replace(/-/g, '')) * 100 + 1,
        nameservers: [`ns1.${zone}`, `ns2.${zone}`],
        dnssec: plan.primary,
      })
    }

    const hetzner = spec.request.provider === 'hetzner'
    const clusterStatus: Status = cluster.status === 'failed' ? 'failed' : 'healthy'
    out.storageclasses.push(
      {
        kind: 'StorageClass',
        name: hetzner ? 'hcloud-volumes' : 'csi-disk',
        ...where,
        status: clusterStatus,
        createdAt: created(firstAt),
        provisioner: hetzner ? 'csi.hetzner.cloud' : 'everest-csi-provisioner',
        reclaimPolicy: 'Delete',
        volumeBindingMode: 'WaitForFirstConsumer',
        allowVolumeExpansion: true,
        isDefault: true,
      },
      {
        kind: 'StorageClass',
        name: 'local-path',
        ...where,
        status: clusterStatus,
        createdAt: created(firstAt),
        provisioner: 'rancher.io/local-path',
        reclaimPolicy: 'Delete',
        volumeBindingMode: 'WaitForFirstConsumer',
        allowVolumeExpansion: false,
        isDefault: false,
      },
    )
    const seaweed = installed.get('seaweedfs')
    if (seaweed)
      out.storageclasses.push({
        kind: 'StorageClass',
        name: 'seaweedfs-storage',
        ...where,
        status: seaweed.status,
        createdAt: created(seaweed.at),
        provisioner: 'seaweedfs-csi-driver',
        reclaimPolicy: 'Retain',
        volumeBindingMode: 'Immediate',
        allowVolumeExpansion: true,
        isDefault: false,
      })
  }
  return out
}
