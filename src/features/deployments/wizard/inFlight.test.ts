import { describe, expect, it } from 'vitest'
import { inFlightFor, inFlightHeadline } from './inFlight.ts'

const row = (id: string, status: string, ownerEmail?: string) => ({
  id,
  sovereignFQDN: `${id}.omani.works`,
  status,
  ...(ownerEmail ? { ownerEmail } : {}),
})

describe('inFlightFor', () => {
  it('keeps in-flight rows of the operator, case-insensitively, and drops settled ones', () => {
    const rows = [
      row('a', 'provisioning', 'Alice@acme.io'),
      row('b', 'phase1-watching', 'alice@acme.io'),
      row('c', 'ready', 'alice@acme.io'),
      row('d', 'tofu-applying', 'bob@x.io'),
      row('e', 'wiping', 'alice@acme.io'),
      row('f', 'failed', 'alice@acme.io'),
    ]
    expect(inFlightFor(rows, 'alice@acme.io').map((r) => r.id)).toEqual(['a', 'b', 'e'])
  })

  it('treats rows without an owner as the caller’s, and an unknown status as in flight', () => {
    expect(inFlightFor([row('a', 'pending'), row('b', 'reticulating', 'me@x.io')], 'me@x.io')).toHaveLength(2)
  })

  it('has nothing to say when nothing runs', () => {
    expect(inFlightFor([row('a', 'ready', 'me@x.io'), row('b', 'adopted')], 'me@x.io')).toEqual([])
  })
})

describe('inFlightHeadline', () => {
  it('counts in words', () => {
    expect(inFlightHeadline(1)).toBe('You have 1 deployment in flight')
    expect(inFlightHeadline(3)).toBe('You have 3 deployments in flight')
  })
})
