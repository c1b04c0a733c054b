import { describe, expect, it } from 'vitest'
import { UserAccessList } from '../../src/contracts/users.ts'
import { ownerRecord, ownerRecordName, seededTeam, userAccessListBody } from './userAccess.ts'

describe('userAccess (mock)', () => {
  it('answers an empty list with items: null, as Go marshals a nil slice', () => {
    expect(userAccessListBody([])).toEqual({ items: null })
    expect(UserAccessList.parse(userAccessListBody([])).items).toEqual([])
  })

  it('answers records in the contract shape', () => {
    const list = [ownerRecord('Alice@Acme.io', 'acme.omani.works', 0), ...seededTeam('acme.omani.works', 0)]
    const body = userAccessListBody(list)
    expect(body.items).toHaveLength(3)
    const parsed = UserAccessList.parse(body)
    expect(parsed.items[0]).toMatchObject({
      name: 'useraccess-owner-alice-acme-io',
      spec: { user: { keycloakSubject: 'alice@acme.io' }, applications: [{ app: '*', role: 'admin' }] },
    })
    expect(ownerRecordName('ops@omani.works')).toBe('useraccess-owner-ops-omani-works')
  })

  it("names the Sovereign by its FQDN's first label in sovereignRef, never the FQDN (upstream #1564)", () => {
    expect(ownerRecord('alice@acme.io', 'acme.omani.works', 0).spec.sovereignRef).toBe('acme')
    for (const r of seededTeam('edge.northwind.eu', 0)) expect(r.spec.sovereignRef).toBe('edge')
  })
})
