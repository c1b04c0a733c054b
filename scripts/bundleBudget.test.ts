import { describe, expect, it } from 'vitest'
import { closure, firstRouteFiles, type BudgetChunk } from './bundleBudget.ts'

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
})
