/**
 * Golden wire samples of the infrastructure surface. Upstream: `internal/infrastructure/types.go` (every
 * item struct, MutationResponse, CascadeImpact), `internal/handler/infrastructure.go` (the legacy compute /
 * storage / network shapes, the Day-2 handlers), `internal/infrastructure/topology_loader.go` (PVC status =
 * the claim's phase, CascadeFor). May additions (listeners, targets, frontDoorKind, nodePoolID) from the
 * contract §3.9.
 */
import { Infrastructure, InfraCompute, InfraNetwork, InfraStorage, MutationResponse } from '../topology.ts'
import type { GoldenTable } from './golden.ts'
import { RFC3339_NANO } from './shape.ts'

const D = 'b2c4d6e8f0a1b3c5'

const node = (name: string, role: string, sku: string, ip: string, pool: string) => ({
  id: `node-${D}-${name}`,
  name,
  sku,
  region: 'fsn1',
  role,
  ip,
  status: 'healthy',
  nodePoolID: pool,
})

/** A rule (types.go FirewallRule): direction in|out, sources a CIDR CSV, action accept|drop. */
const rule = (id: string, protocol: string, port: string, sources: string) => ({
  id,
  direction: 'in',
  protocol,
  port,
  sources,
  action: 'accept',
})

/** Two regions, fully built: the shapes every list and graph reads. */
export const TOPOLOGY_READY = {
  cloud: [
    {
      id: 'cloud-hetzner',
      provider: 'hetzner',
      name: 'Hetzner Cloud',
      projectID: 'prj-b2c4d6',
      status: 'healthy',
    },
  ],
  topology: {
    pattern: 'multi-region',
    regions: [
      {
        id: 'region-fsn1',
        name: 'fsn1',
        provider: 'hetzner',
        providerRegion: 'fsn1',
        // Go spells it skuCP (contract §7 trap 4).
        skuCP: 'cpx42',
        skuWorker: 'cpx32',
        workerCount: 1,
        status: 'healthy',
        clusters: [
          {
            id: `cluster-${D}-fsn1`,
            name: 'acme-mesh',
            version: 'v1.31.4+k3s1',
            status: 'healthy',
            nodeCount: 2,
            vclusters: [
              {
                id: `vcluster-${D}-dmz-fsn1`,
                name: 'dmz-fsn1',
                namespace: 'vcluster-dmz-fsn1',
                role: 'dmz',
                status: 'healthy',
              },
            ],
            loadBalancers: [
              {
                id: `lb-${D}-fsn1`,
                name: 'ingress-fsn1',
                publicIP: '49.12.86.96',
                listeners: [
                  { port: 80, protocol: 'http' },
                  { port: 443, protocol: 'https' },
                  { port: 6443, protocol: 'tcp' },
                ],
                targets: [{ id: `node-${D}-worker-1-fsn1`, ip: '10.0.0.10', status: 'healthy' }],
                ports: '80,443,6443',
                targetHealth: '1/1 healthy',
                region: 'fsn1',
                status: 'healthy',
                frontDoorKind: 'console',
              },
            ],
            nodePools: [
              {
                id: 'pool-cp-fsn1',
                name: 'control-plane-fsn1',
                role: 'control-plane',
                sku: 'cpx42',
                region: 'fsn1',
                desiredSize: 1,
                currentSize: 1,
                status: 'healthy',
              },
              {
                id: 'pool-worker-fsn1',
                name: 'workers-fsn1',
                role: 'worker',
                sku: 'cpx32',
                region: 'fsn1',
                desiredSize: 1,
                currentSize: 1,
                status: 'healthy',
              },
            ],
            nodes: [
              node('control-plane-fsn1', 'control-plane', 'cpx42', '10.0.0.2', 'pool-cp-fsn1'),
              node('worker-1-fsn1', 'worker', 'cpx32', '10.0.0.10', 'pool-worker-fsn1'),
            ],
          },
        ],
        networks: [
          {
            id: `net-fsn1-${D}`,
            name: 'vpc-fsn1',
            cidr: '10.0.0.0/16',
            region: 'fsn1',
            // types.go Peering: one claim per pair, vpcPair names both VPCs.
            peerings: [
              {
                id: '9740bc5c-3327-47df-93ca-fcf95b6cf6e5',
                name: 'b2c4d6e8-peering-fsn1-nbg1-1',
                vpcPair: 'vpc-fsn1/vpc-nbg1-1',
                subnets: '10.0.0.0/16,10.1.0.0/16',
                status: 'healthy',
              },
            ],
            firewall: {
              id: `fw-fsn1-${D}`,
              name: 'cluster-fsn1',
              rules: [
                rule('fw-fsn1-https', 'tcp', '443', '0.0.0.0/0,::/0'),
                rule('fw-fsn1-icmp', 'icmp', '', '10.0.0.0/8'),
              ],
            },
            status: 'healthy',
          },
        ],
      },
      {
        id: 'region-nbg1-1',
        name: 'nbg1-1',
        provider: 'hetzner',
        providerRegion: 'nbg1',
        skuCP: 'cpx42',
        skuWorker: 'cpx32',
        workerCount: 1,
        status: 'degraded',
        clusters: [
          {
            id: `cluster-${D}-nbg1-1`,
            name: 'acme-nbg',
            version: 'v1.31.4+k3s1',
            status: 'degraded',
            nodeCount: 2,
            vclusters: [],
            // A secondary's load balancer fronts no console: no frontDoorKind (omitempty).
            loadBalancers: [
              {
                id: `lb-${D}-nbg1-1`,
                name: 'ingress-nbg1-1',
                publicIP: '49.12.201.14',
                listeners: [{ port: 443, protocol: 'https' }],
                targets: [{ id: `node-${D}-worker-1-nbg1-1`, ip: '10.1.0.10', status: 'degraded' }],
                ports: '443',
                targetHealth: '0/1 healthy',
                region: 'nbg1-1',
                status: 'degraded',
              },
            ],
            nodePools: [
              {
                id: 'pool-worker-nbg1-1',
                name: 'workers-nbg1-1',
                role: 'worker',
                sku: 'cpx32',
                region: 'nbg1-1',
                desiredSize: 1,
                currentSize: 1,
                status: 'degraded',
              },
            ],
            nodes: [
              {
                ...node('worker-1-nbg1-1', 'worker', 'cpx32', '10.1.0.10', 'pool-worker-nbg1-1'),
                region: 'nbg1-1',
                status: 'degraded',
              },
            ],
          },
        ],
        networks: [
          {
            id: `net-nbg1-1-${D}`,
            name: 'vpc-nbg1-1',
            cidr: '10.1.0.0/16',
            region: 'nbg1-1',
            // The same claim as on vpc-fsn1: one peering, listed on both ends.
            peerings: [
              {
                id: '9740bc5c-3327-47df-93ca-fcf95b6cf6e5',
                name: 'b2c4d6e8-peering-fsn1-nbg1-1',
                vpcPair: 'vpc-fsn1/vpc-nbg1-1',
                subnets: '10.0.0.0/16,10.1.0.0/16',
                status: 'healthy',
              },
            ],
            firewall: {
              id: `fw-nbg1-1-${D}`,
              name: 'cluster-nbg1-1',
              rules: [rule('fw-nbg1-1-https', 'tcp', '443', '0.0.0.0/0,::/0')],
            },
            status: 'degraded',
          },
        ],
      },
    ],
  },
  storage: {
    // types.go PVC: quantity strings; status is the claim's phase; id is the UID.
    pvcs: [
      {
        id: '941f5e6f-989b-42d1-8fd7-f21c782cc1e3',
        name: 'data-cnpg-0',
        namespace: 'cnpg-system',
        capacity: '50Gi',
        used: '14674Mi',
        storageClass: 'hcloud-volumes',
        status: 'Bound',
      },
    ],
    // types.go Bucket: no region or status of its own.
    buckets: [
      {
        id: `bucket-${D}`,
        name: 'catalyst-acme-omani-works-b2c4d6e8',
        endpoint: 'https://fsn1.your-objectstorage.com',
        capacity: '1Ti',
        used: '7Gi',
        retentionDays: '30',
      },
    ],
    // types.go Volume: the CSI volume of the claim above (`pvc-<UID>`).
    volumes: [
      {
        id: '66535555',
        name: 'pvc-941f5e6f-989b-42d1-8fd7-f21c782cc1e3',
        capacity: '50Gi',
        region: 'fsn1',
        attachedTo: 'worker-1-fsn1',
        status: 'healthy',
      },
    ],
  },
}

/** Before tofu created anything: declared regions only, every list empty, status unknown. */
export const TOPOLOGY_DECLARED = {
  cloud: [
    {
      id: 'cloud-hetzner',
      provider: 'hetzner',
      name: 'Hetzner Cloud',
      projectID: 'prj-d4e5f6',
      status: 'unknown',
    },
  ],
  topology: {
    pattern: 'solo',
    regions: [
      {
        id: 'region-hel1',
        name: 'hel1',
        provider: 'hetzner',
        providerRegion: 'hel1',
        skuCP: 'cpx42',
        skuWorker: 'cpx32',
        workerCount: 1,
        status: 'unknown',
        clusters: [],
        networks: [],
      },
    ],
  },
  storage: { pvcs: [], buckets: [], volumes: [] },
}

export const INFRASTRUCTURE_GOLDEN: GoldenTable[] = [
  {
    endpoint: 'GET /deployments/{id}/infrastructure/topology',
    schema: Infrastructure,
    cases: [
      {
        name: 'a built multi-region Sovereign',
        source: 'internal/infrastructure/types.go TopologyResponse',
        wire: TOPOLOGY_READY,
      },
      {
        name: 'declared regions only',
        source: 'internal/infrastructure/topology_loader.go',
        wire: TOPOLOGY_DECLARED,
      },
    ],
  },
  {
    endpoint: 'GET /deployments/{id}/infrastructure/compute',
    schema: InfraCompute,
    cases: [
      {
        name: 'clusters and nodes (the legacy flat view)',
        source: 'internal/handler/infrastructure.go infraComputeResponse',
        wire: {
          clusters: [
            {
              id: `cluster-${D}-fsn1`,
              name: 'acme-mesh',
              controlPlane: 'k3s',
              version: 'v1.31.4+k3s1',
              region: 'fsn1',
              nodeCount: 2,
              status: 'healthy',
            },
          ],
          nodes: [
            {
              id: `node-${D}-control-plane-fsn1`,
              name: 'control-plane-fsn1',
              sku: 'cpx42',
              region: 'fsn1',
              role: 'control-plane',
              ip: '10.0.0.2',
              status: 'healthy',
            },
          ],
        },
      },
    ],
  },
  {
    endpoint: 'GET /deployments/{id}/infrastructure/storage',
    schema: InfraStorage,
    cases: [
      {
        name: 'claims, buckets, volumes',
        source: 'internal/handler/infrastructure.go infraStorageResponse',
        wire: TOPOLOGY_READY.storage,
      },
      {
        name: 'nothing yet',
        source: 'internal/handler/infrastructure.go GetInfrastructureStorage',
        wire: TOPOLOGY_DECLARED.storage,
      },
    ],
  },
  {
    endpoint: 'GET /deployments/{id}/infrastructure/network',
    schema: InfraNetwork,
    cases: [
      {
        name: 'load balancers, DRGs (always empty on Hetzner), peerings',
        source: 'internal/handler/infrastructure.go infraNetworkResponse',
        wire: {
          loadBalancers: [
            {
              id: `lb-${D}-fsn1`,
              name: 'ingress-fsn1',
              publicIP: '49.12.86.96',
              ports: '80,443,6443',
              targetHealth: '1/1 healthy',
              region: 'fsn1',
              status: 'healthy',
            },
          ],
          drgs: [],
          peerings: TOPOLOGY_READY.topology.regions[0]!.networks[0]!.peerings,
        },
      },
      {
        name: 'nothing built yet',
        source: 'internal/handler/infrastructure.go buildInfraNetwork',
        wire: { loadBalancers: [], drgs: [], peerings: [] },
      },
    ],
  },
  {
    endpoint: 'POST|PATCH|DELETE /deployments/{id}/infrastructure/…',
    schema: MutationResponse,
    formats: { submittedAt: RFC3339_NANO },
    cases: [
      {
        name: '202 for a create or an update: no cascade (omitempty)',
        source:
          'internal/infrastructure/types.go MutationResponse; internal/handler/infrastructure.go submitMutation',
        wire: {
          jobId: `${D}:mutation-add-region-hel1`,
          xrcKind: 'RegionClaim',
          xrcName: 'b2c4d6e8-region-hel1',
          status: 'submitted-pending-composition',
          submittedAt: '2026-05-14T09:00:00.25Z',
        },
      },
      {
        name: '202 for a delete, with the cascade preview',
        source:
          'internal/handler/infrastructure.go DeleteInfrastructureResource; topology_loader.go CascadeFor',
        wire: {
          jobId: `${D}:mutation-remove-pool-pool-worker-fsn1`,
          xrcKind: 'NodePoolClaim',
          xrcName: 'b2c4d6e8-pool-pool-worker-fsn1',
          status: 'already-absent',
          submittedAt: '2026-05-14T09:00:00Z',
          cascade: [
            {
              kind: 'node',
              id: `node-${D}-worker-1-fsn1`,
              name: 'worker-1-fsn1',
              note: 'node will be drained + cordoned',
            },
          ],
        },
      },
    ],
  },
]
