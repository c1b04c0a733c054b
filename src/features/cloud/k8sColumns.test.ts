import { describe, expect, it } from 'vitest'
import { K8sObject } from '../../contracts/k8s.ts'
import { sortRows } from './cloudColumns.ts'
import { K8S_KINDS } from './cloudKinds.ts'
import { K8S_COLUMNS, K8S_KIND_RESOURCES, filterByRegion, k8sRowId } from './k8sColumns.ts'

const svc = (name: string, region: string, port: number) =>
  K8sObject.parse({
    kind: 'Service',
    name,
    namespace: name,
    cluster: `c-${region}`,
    region,
    status: 'healthy',
    clusterIP: '10.43.0.1',
    ports: [{ port, protocol: 'TCP', name: 'http' }],
  })

describe('k8s list kinds', () => {
  it('every kind has a name, region and status column and a resource to read', () => {
    for (const k of K8S_KINDS) {
      const ids = K8S_COLUMNS[k].map((c) => c.id)
      expect(ids).toEqual(expect.arrayContaining(['name', 'region', 'status']))
      expect(new Set(ids).size).toBe(ids.length)
      expect(K8S_KIND_RESOURCES[k].length).toBeGreaterThan(0)
    }
    expect(K8S_KIND_RESOURCES.ingresses).toEqual(['ingresses', 'httproutes'])
  })

  it('filters by region and sorts naturally by a column', () => {
    const rows = [svc('keycloak', 'fsn1', 8080), svc('gitea', 'nbg1-1', 3000), svc('cnpg', 'fsn1', 5432)]
    expect(filterByRegion(rows, 'fsn1').map((r) => r.name)).toEqual(['keycloak', 'cnpg'])
    expect(filterByRegion(rows, undefined)).toHaveLength(3)
    const ports = K8S_COLUMNS.services.find((c) => c.id === 'ports')!
    expect(sortRows(rows, ports.value, false).map((r) => r.name)).toEqual(['gitea', 'cnpg', 'keycloak'])
    expect(ports.value(rows[0]!)).toBe('8080/TCP')
  })

  it('row ids are unique per kind, cluster, namespace and name', () => {
    expect(k8sRowId(svc('a', 'fsn1', 1))).not.toBe(k8sRowId(svc('a', 'nbg1-1', 1)))
  })
})
