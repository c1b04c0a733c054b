import { describe, expect, it } from 'vitest'
import { mutationJobName, uid, xrcName } from './xrc.ts'

describe('claim names and ids', () => {
  it('builds Go XRC names: 8-char deployment prefix, verb, slug, DNS-1123, ≤ 63', () => {
    // The example in Go infrastructure/xrc.go.
    expect(xrcName('ce476aaf80731a46', 'region', 'hel1')).toBe('ce476aaf-region-hel1')
    expect(xrcName('ce476aaf80731a46', 'fw', 'fw-fsn1_In/TCP:443')).toBe('ce476aaf-fw-fw-fsn1-in-tcp-443')
    expect(xrcName('ce476aaf80731a46', 'pool', 'x'.repeat(80))).toHaveLength(63)
  })
  it('names audit jobs mutation-<verb>-<kind>[-<slug>]', () => {
    expect(mutationJobName('add', 'region', 'hel1')).toBe('mutation-add-region-hel1')
    expect(mutationJobName('Update', 'pool', '')).toBe('mutation-update-pool')
  })
  it('mints stable v4-shaped UIDs', () => {
    expect(uid('a')).toBe(uid('a'))
    expect(uid('a')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })
})
