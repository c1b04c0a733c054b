import { describe, expect, it } from 'vitest'
import type { TreemapItem } from '../../contracts/treemap.ts'
import {
  addLayer,
  availableDimensions,
  cellDimension,
  cellLabel,
  formatBytes,
  formatColor,
  formatSize,
  formatSizeValue,
  removeLayer,
  resolveDrill,
  setLayer,
} from './treemapModel.ts'
import { LAYER_DIMENSIONS, type LayerDimension } from '../../entities/treemap/treemapControls.ts'

const item = (id: string, children: TreemapItem[] = [], name = id): TreemapItem => ({
  id,
  name,
  count: 1,
  percentage: 10,
  size_value: 1,
  children,
})

describe('dimension exclusion', () => {
  it('offers each layer its own dimension plus those no other layer uses', () => {
    const layers: LayerDimension[] = ['cluster', 'namespace']
    expect(availableDimensions(layers, 0)).toEqual([
      'sovereign',
      'region',
      'cluster',
      'vcluster',
      'family',
      'application',
    ])
    expect(availableDimensions(layers, 1)).toEqual([
      'sovereign',
      'region',
      'vcluster',
      'family',
      'namespace',
      'application',
    ])
    expect(availableDimensions(['cluster'], 0)).toEqual([...LAYER_DIMENSIONS])
  })

  it('offers region and vCluster (regression 40)', () => {
    expect(availableDimensions(['application'], 0)).toContain('region')
    expect(availableDimensions(['application'], 0)).toContain('vcluster')
  })

  it('adds the first unused dimension, up to four layers; removes down to one', () => {
    expect(addLayer(['cluster'])).toEqual(['cluster', 'sovereign'])
    expect(addLayer(['sovereign', 'region'])).toEqual(['sovereign', 'region', 'cluster'])
    const four: LayerDimension[] = ['region', 'cluster', 'namespace', 'application']
    expect(addLayer(four)).toEqual(four)
    expect(removeLayer(four)).toEqual(['region', 'cluster', 'namespace'])
    expect(removeLayer(['cluster'])).toEqual(['cluster'])
  })

  it('swaps when a layer picks a dimension another layer uses', () => {
    expect(setLayer(['cluster', 'namespace'], 0, 'namespace')).toEqual(['namespace', 'cluster'])
    expect(setLayer(['cluster', 'namespace'], 1, 'application')).toEqual(['cluster', 'application'])
  })
})

describe('drill path', () => {
  const tree = [
    item(
      't126-hel',
      [item('kube-system', [item('cilium')]), item('harbor', [item('harbor')])],
      't126-hel (hel1-2)',
    ),
    item('t126-mesh', [item('flux-system', [item('flux')])], 't126-mesh (fsn1)'),
  ]
  const layers: LayerDimension[] = ['cluster', 'namespace', 'application']

  it('walks the path and names the breadcrumb', () => {
    const r = resolveDrill(tree, ['t126-hel', 'kube-system'], layers)
    expect(r.missing).toBe(false)
    expect(r.path).toEqual(['t126-hel', 'kube-system'])
    expect(r.trail.map((t) => [t.name, t.dimension])).toEqual([
      ['t126-hel (hel1-2)', 'cluster'],
      ['kube-system', 'namespace'],
    ])
    expect(r.items.map((i) => i.id)).toEqual(['cilium'])
  })

  it('stops where the path no longer resolves', () => {
    const r = resolveDrill(tree, ['t126-hel', 'gone'], layers)
    expect(r.missing).toBe(true)
    expect(r.path).toEqual(['t126-hel'])
    expect(r.items.map((i) => i.id)).toEqual(['kube-system', 'harbor'])
    expect(resolveDrill(tree, [], layers)).toMatchObject({ missing: false, path: [], items: tree })
  })

  it('computes a cell dimension from drill depth + cell depth (regression 41)', () => {
    expect(cellDimension(layers, 0, 1)).toBe('cluster')
    expect(cellDimension(layers, 0, 3)).toBe('application')
    expect(cellDimension(layers, 1, 2)).toBe('application')
    expect(cellDimension(layers, 2, 1)).toBe('application')
    expect(cellDimension(layers, 2, 2)).toBeUndefined()
  })
})

describe('formatting', () => {
  it.each([
    [0, '0 B'],
    [512 * 1024 ** 2, '512 MiB'],
    [3.5 * 1024 ** 3, '3.5 GiB'],
    [1.25 * 1024 ** 4, '1.3 TiB'],
  ])('bytes %d → %s', (b, s) => expect(formatBytes(b)).toBe(s))

  it.each([
    ['cpu_request', 3.5, '3.5 cores CPU request'],
    ['cpu_limit', 1, '1 core CPU limit'],
    ['memory_request', 2 * 1024 ** 3, '2 GiB memory request'],
    ['storage_limit', 50 * 1024 ** 3, '50 GiB storage limit'],
    ['replica_count', 12, '12 ready replicas'],
  ] as const)('%s %d → %s', (size, v, s) => expect(formatSize(size, v)).toBe(s))

  it.each([
    ['utilization', 64.2, 'utilisation 64%'],
    ['utilization', 130, 'utilisation 130%'],
    ['health', 92.4, 'health 92%'],
    ['age', 40, 'age 12 days'],
    ['age', 100, 'age 30+ days'],
    ['utilization', null, 'utilisation no data'],
  ] as const)('%s %s → %s', (color, pct, s) => expect(formatColor(color, pct)).toBe(s))

  it('keeps the compact value consistent with the accessible name (label in name)', () => {
    for (const [size, v] of [
      ['cpu_request', 1],
      ['cpu_limit', 3.5],
      ['memory_request', 2 * 1024 ** 3],
      ['replica_count', 1],
    ] as const)
      expect(formatSize(size, v).startsWith(formatSizeValue(size, v))).toBe(true)
  })

  it('names a cell for assistive technology', () => {
    expect(
      cellLabel({ name: 'harbor', count: 12, value: 3.5, percentage: 64 }, 'cpu_request', 'utilization'),
    ).toBe('harbor: 12 pods, 3.5 cores CPU request, utilisation 64%')
  })
})
