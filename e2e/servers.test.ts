import { describe, expect, it } from 'vitest'
import { e2ePorts, projectsToRun } from './servers.ts'

const ALL = ['default', 'prod', 'dev-proxy']

describe('projectsToRun', () => {
  it('is every project without --project, else the named ones (both spellings, wildcards)', () => {
    expect([...projectsToRun(['node', 'playwright', 'test'], ALL)]).toEqual(ALL)
    expect([...projectsToRun(['test', '--project', 'prod'], ALL)]).toEqual(['prod'])
    expect([...projectsToRun(['test', '--project=dev-proxy', '--project=prod'], ALL)]).toEqual([
      'prod',
      'dev-proxy',
    ])
    expect([...projectsToRun(['test', '--project', 'd*'], ALL)]).toEqual(['default', 'dev-proxy'])
    expect([...projectsToRun(['test', '--project', 'prod', 'dev-proxy', '-g', 'x'], ALL)]).toEqual([
      'prod',
      'dev-proxy',
    ])
    expect([...projectsToRun(['test', '--project', 'nope'], ALL)]).toEqual([])
  })
})

describe('e2ePorts', () => {
  it('defaults, a base for the production servers, and a port of its own for each', () => {
    expect(e2ePorts({})).toEqual({
      preview: 4173,
      prod: 4180,
      prodMock: 4181,
      deadUpstream: 4182,
      devMock: 4183,
      dev: 4184,
    })
    expect(e2ePorts({ E2E_PORT: '4202', E2E_PROD_PORT: '4220', E2E_DEV_PORT: '4229' })).toMatchObject({
      preview: 4202,
      prod: 4220,
      prodMock: 4221,
      dev: 4229,
    })
    expect(() => e2ePorts({ E2E_PROD_PORT: 'x' })).toThrow('E2E_PROD_PORT is not a port: x')
  })
})
