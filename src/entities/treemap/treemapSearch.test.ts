import { describe, expect, it } from 'vitest'
import { parseSearch, stringifySearch } from '../../lib/links.ts'
import { treemapSearch } from './treemapSearch.ts'
import {
  DEFAULT_LAYERS,
  controlsToSearch,
  decodeDrill,
  encodeDrill,
  parseLayers,
  readControls,
} from './treemapControls.ts'

describe('treemap search params', () => {
  it.each([
    [undefined, DEFAULT_LAYERS],
    ['', DEFAULT_LAYERS],
    ['cluster', ['cluster']],
    ['region,vcluster,namespace,application', ['region', 'vcluster', 'namespace', 'application']],
    ['cluster,cluster,namespace', ['cluster', 'namespace']],
    ['Cluster, NAMESPACE', ['cluster', 'namespace']],
    ['bogus,application', ['application']],
    ['bogus', DEFAULT_LAYERS],
    ['sovereign,region,cluster,vcluster,family', ['sovereign', 'region', 'cluster', 'vcluster']],
  ] as const)('layers %j → %j', (raw, expected) => {
    expect(parseLayers(raw)).toEqual(expected)
  })

  it.each([
    [[], ''],
    [['t126-mesh'], 't126-mesh'],
    [['t126-mesh', 'kube-system'], 't126-mesh/kube-system'],
    [['a/b', '100%', 'c'], 'a%2Fb/100%25/c'],
  ])('drill %j ⇄ %s', (path, encoded) => {
    expect(encodeDrill(path)).toBe(encoded)
    expect(decodeDrill(encoded)).toEqual(path)
  })

  it('round-trips every control through the URL query string', () => {
    const controls = {
      layers: ['region', 'namespace', 'application'] as const,
      size: 'memory_request' as const,
      color: 'health' as const,
      drill: ['hel1-2', 'odd/ns %x'],
    }
    const query = stringifySearch(controlsToSearch({ ...controls, layers: [...controls.layers] }))
    expect(query).toContain('layers=region,namespace,application')
    const back = readControls(treemapSearch.parse(parseSearch(query)))
    expect(back).toEqual({ ...controls, layers: [...controls.layers], colorLocked: false })
  })

  it('locks colour to utilisation for capacity size metrics', () => {
    for (const size of ['cpu_limit', 'memory_limit', 'storage_limit']) {
      const c = readControls({ size, color: 'health' })
      expect(c.color).toBe('utilization')
      expect(c.colorLocked).toBe(true)
      expect(controlsToSearch({ layers: ['cluster'], size: c.size, color: 'age' }).color).toBe('utilization')
    }
    expect(readControls({ size: 'cpu_request', color: 'health' })).toMatchObject({
      color: 'health',
      colorLocked: false,
    })
  })

  it('falls back to defaults on invalid values and never drills into the leaf layer', () => {
    expect(readControls({ size: 'bytes', color: 'rainbow' })).toMatchObject({
      size: 'cpu_request',
      color: 'utilization',
    })
    expect(readControls({ layers: 'cluster,namespace', drill: 'a/b/c' }).drill).toEqual(['a'])
    expect(readControls({ layers: 'cluster', drill: 'a' }).drill).toEqual([])
  })

  it('omits an empty drill path from the URL', () => {
    expect(
      controlsToSearch({ layers: ['cluster'], size: 'cpu_request', color: 'age', drill: [] }).drill,
    ).toBe(undefined)
  })
})
