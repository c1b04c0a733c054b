import { describe, expect, it } from 'vitest'
import { userAccessPath } from './userAccessPath.ts'

describe('userAccessPath', () => {
  it('builds the mode-aware API path', () => {
    expect(userAccessPath('sovereign', 'a43364f11c10cde3')).toBe('/v1/admin/user-access')
    expect(userAccessPath('mothership', 'a43364f11c10cde3', 'sre-oncall')).toBe(
      '/v1/deployments/a43364f11c10cde3/admin/user-access/sre-oncall',
    )
    expect(userAccessPath('sovereign', '', 'a/b')).toBe('/v1/admin/user-access/a%2Fb')
  })
})
