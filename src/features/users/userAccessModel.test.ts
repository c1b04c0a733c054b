import { describe, expect, it } from 'vitest'
import { UserAccess, UserAccessList, UserAccessUpdate } from '../../contracts/users.ts'
import {
  describeRefusal,
  draftFromUserAccess,
  emptyDraft,
  filterUserAccess,
  formatGrant,
  formatGrantScope,
  formatGrants,
  newGrantDraft,
  sortUserAccess,
  specFromDraft,
  splitList,
  validateDraft,
  type UserAccessDraft,
} from './userAccessModel.ts'

const owner = UserAccess.parse({
  name: 'useraccess-owner-alice-acme-io',
  spec: {
    user: { keycloakSubject: 'alice@acme.io' },
    sovereignRef: 'acme.omani.works',
    applications: [{ app: '*', role: 'admin' }],
  },
  status: { rolebindingsCreated: 1 },
  creationTimestamp: '2026-11-24T23:40:48.407Z',
})
const sre = UserAccess.parse({
  name: 'sre-oncall',
  spec: {
    user: { keycloakGroups: ['sre', 'oncall'] },
    sovereignRef: 'acme.omani.works',
    applications: [
      { app: 'bp-grafana', role: 'editor' },
      { app: 'bp-loki', role: 'viewer', namespaces: ['loki'] },
    ],
  },
  status: { rolebindingsCreated: 2 },
  creationTimestamp: '2026-11-25T00:40:48.407Z',
})
const bare = UserAccess.parse({
  name: 'zz-no-status',
  spec: { user: {}, sovereignRef: '', applications: null },
})

function draft(partial: Partial<UserAccessDraft> = {}): UserAccessDraft {
  return {
    name: 'jane-doe',
    subject: 'jane@acme.io',
    groups: '',
    grants: [newGrantDraft({ app: 'bp-harbor', role: 'editor' })],
    ...partial,
  }
}

describe('display', () => {
  it('formats grants as "app (role)" and their scope', () => {
    expect(formatGrant({ app: '*', role: 'admin' })).toBe('* (admin)')
    expect(formatGrants(sre.spec.applications)).toBe('bp-grafana (editor), bp-loki (viewer)')
    expect(formatGrantScope(sre.spec.applications[1]!)).toBe('ns loki')
    expect(formatGrantScope({ namespaces: ['harbor'], vClusters: ['mgmt'] })).toBe('ns harbor · vc mgmt')
    expect(formatGrantScope({ namespaces: [], vClusters: [] })).toBe('')
  })

  it('parses a null items array as an empty list (regression 53)', () => {
    expect(UserAccessList.parse({ items: null }).items).toEqual([])
    expect(UserAccessList.parse({}).items).toEqual([])
  })
})

describe('validateDraft', () => {
  const create = { creating: true, existingNames: ['sre-oncall'] }

  it('accepts a complete draft', () => {
    expect(validateDraft(draft(), create)).toEqual({})
    expect(validateDraft(draft({ subject: '', groups: 'sre' }), create)).toEqual({})
  })

  it.each([
    ['', 'Enter a name for the record.'],
    ['Jane', 'Use lowercase letters'],
    ['jane_doe', 'Use lowercase letters'],
    ['-jane', 'Use lowercase letters'],
    ['jane-', 'Use lowercase letters'],
    ['a'.repeat(254), 'At most 253 characters.'],
    ['sre-oncall', 'already exists'],
  ])('rejects the name %j', (name, message) => {
    expect(validateDraft(draft({ name }), create).name).toContain(message)
  })

  it('does not check the name when editing', () => {
    expect(validateDraft(draft({ name: 'Whatever_' }), { creating: false })).toEqual({})
  })

  it('needs a user or a group, and at least one grant', () => {
    expect(validateDraft(draft({ subject: ' ', groups: ' , ' }), create).user).toMatch(/at least one group/)
    expect(validateDraft(draft({ grants: [] }), create).grants).toBe('Add at least one grant.')
  })

  it('checks each grant: app, role, duplicates, namespace and vCluster names', () => {
    const errors = validateDraft(
      draft({
        grants: [
          newGrantDraft({ app: 'bp-harbor', role: 'admin' }),
          newGrantDraft({ app: '', role: '' }),
          newGrantDraft({ app: 'bp-harbor', role: 'admin', namespaces: 'harbor, Bad_NS' }),
          newGrantDraft({ app: 'bp-harbor', role: 'viewer', vClusters: 'mgmt x -no' }),
        ],
      }),
      create,
    )
    expect(errors).toEqual({
      'grants.1.app': 'Choose an app (or * for all apps).',
      'grants.1.role': 'Choose a role.',
      'grants.2.app': 'Duplicate grant: bp-harbor (admin) is already grant 1.',
      'grants.2.namespaces':
        'Namespaces must be DNS labels — lowercase letters, digits and "-", at most 63 characters: Bad_NS',
      'grants.3.vClusters':
        'vClusters must be DNS labels — lowercase letters, digits and "-", at most 63 characters: -no',
    })
  })

  it('an empty draft lists the name, user and first grant app', () => {
    expect(Object.keys(validateDraft(emptyDraft(), create))).toEqual(['name', 'user', 'grants.0.app'])
  })
})

describe('draft ⇄ spec', () => {
  it('round-trips a record through the form', () => {
    const d = draftFromUserAccess(sre)
    expect(d).toMatchObject({ name: 'sre-oncall', subject: '', groups: 'sre, oncall' })
    expect(d.grants.map((g) => [g.app, g.role, g.namespaces])).toEqual([
      ['bp-grafana', 'editor', ''],
      ['bp-loki', 'viewer', 'loki'],
    ])
    const spec = specFromDraft(d, 'acme.omani.works')
    expect(spec).toEqual(sre.spec)
    // the PUT body validates against the shared contract
    expect(UserAccessUpdate.safeParse({ spec }).success).toBe(true)
  })

  it('splits lists on commas and whitespace, dropping duplicates', () => {
    expect(splitList(' a, b  c,,a\nd ')).toEqual(['a', 'b', 'c', 'd'])
    expect(splitList('')).toEqual([])
    expect(specFromDraft(draft({ subject: ' jane@acme.io ' }), 'x').user).toEqual({
      keycloakSubject: 'jane@acme.io',
      keycloakGroups: [],
    })
  })
})

describe('describeRefusal', () => {
  it.each([
    [
      { status: 409, code: 'user-access-name-conflict', message: 'user-access-name-conflict' },
      /already exists/,
    ],
    [{ status: 409, code: 'concurrent-edit', message: 'concurrent-edit' }, /Someone else changed/],
    [{ status: 404, code: 'user-access-not-found', message: 'x' }, /no longer exists/],
    [
      { status: 400, code: 'invalid-user-access', message: 'spec.applications: too small' },
      /rejected.*too small/,
    ],
    [{ status: 403, code: 'forbidden', message: 'forbidden' }, /not allowed/],
    [{ status: 500, code: undefined, message: 'boom' }, /^boom$/],
  ])('%o', (e, re) => {
    expect(describeRefusal(e, 'jane-doe')).toMatch(re)
  })
})

describe('filter and sort', () => {
  const items = [sre, bare, owner]
  it('filters by name, subject, group or grant', () => {
    expect(filterUserAccess(items, 'ALICE').map((u) => u.name)).toEqual([owner.name])
    expect(filterUserAccess(items, 'oncall').map((u) => u.name)).toEqual(['sre-oncall'])
    expect(filterUserAccess(items, 'loki (viewer)').map((u) => u.name)).toEqual(['sre-oncall'])
    expect(filterUserAccess(items, '')).toHaveLength(3)
  })

  it.each([
    ['name', false, ['sre-oncall', 'useraccess-owner-alice-acme-io', 'zz-no-status']],
    ['name', true, ['zz-no-status', 'useraccess-owner-alice-acme-io', 'sre-oncall']],
    ['created', false, ['useraccess-owner-alice-acme-io', 'sre-oncall', 'zz-no-status']],
    ['created', true, ['zz-no-status', 'sre-oncall', 'useraccess-owner-alice-acme-io']],
    ['bindings', true, ['zz-no-status', 'sre-oncall', 'useraccess-owner-alice-acme-io']],
    ['user', false, ['useraccess-owner-alice-acme-io', 'sre-oncall', 'zz-no-status']],
  ] as const)('sort by %s desc=%s', (key, desc, names) => {
    expect(sortUserAccess(items, key, desc).map((u) => u.name)).toEqual(names)
  })
})
