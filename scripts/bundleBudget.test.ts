import { describe, expect, it } from 'vitest'
import {
  closure,
  ENTRY_MAX_KB,
  FIRST_ROUTE_MAX_KB,
  firstRouteFiles,
  overBudget,
  type BudgetChunk,
} from './bundleBudget.ts'

const chunk = (fileName: string, imports: string[], extra: Partial<BudgetChunk> = {}): BudgetChunk => ({
  fileName,
  isEntry: false,
  facadeModuleId: null,
  imports,
  ...extra,
})

describe('bundle budget', () => {
  const chunks = [
    chunk('index.js', ['react.js'], { isEntry: true }),
    chunk('react.js', []),
    chunk('Deployments.js', ['table.js', 'react.js'], {
      facadeModuleId: '/repo/src/features/deployments/list/DeploymentsScreen.tsx',
    }),
    chunk('table.js', []),
    chunk('Flow.js', ['d3.js']),
    chunk('d3.js', []),
  ]
  it('follows static imports only, each chunk once', () => {
    expect([...closure(chunks, ['Deployments.js'])].sort()).toEqual([
      'Deployments.js',
      'react.js',
      'table.js',
    ])
  })
  it('the first route is the entry closure plus the /deployments screen closure, never other routes', () => {
    const { entry, first } = firstRouteFiles(chunks)
    expect([...entry].sort()).toEqual(['index.js', 'react.js'])
    expect([...first].sort()).toEqual(['Deployments.js', 'index.js', 'react.js', 'table.js'])
  })
  it('fails loudly when the first screen is no longer a chunk of its own', () => {
    expect(() => firstRouteFiles(chunks.filter((c) => c.fileName !== 'Deployments.js'))).toThrow(/lazy route/)
  })
  it('fails on either limit, and only past it', () => {
    expect(overBudget(FIRST_ROUTE_MAX_KB, ENTRY_MAX_KB)).toEqual([])
    expect(overBudget(FIRST_ROUTE_MAX_KB + 0.1, ENTRY_MAX_KB)).toEqual([
      expect.stringMatching(/first route grew past/),
    ])
    expect(overBudget(FIRST_ROUTE_MAX_KB, ENTRY_MAX_KB + 0.1)).toEqual([
      expect.stringMatching(/entry and its preloads grew past 125 kB/),
    ])
  })
})
