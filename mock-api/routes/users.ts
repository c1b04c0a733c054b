import {
  sovereignRefOf,
  UserAccessCreate,
  UserAccessName,
  UserAccessUpdate,
} from '../../src/contracts/users.ts'
import { isTier, ROLE_TIER, TIERS } from '../../src/contracts/tiers.ts'
import type { Ctx } from '../context.ts'
import type { Session } from '../sim/authStore.ts'
import type { DeploymentRecord } from '../sim/simulator.ts'
import { ownerRecordName, userAccessListBody } from '../sim/userAccess.ts'
import type { ApiRouter, Handler } from './types.ts'

/**
 * The Sovereign a UserAccess call is about: the host's own, or `:id` on the mothership. Writes need the
 * `userAccess.write` tier (admin+, contract §1.2) and answer 403 before anything else is read.
 */
function target(ctx: Ctx, write = false): { rec: DeploymentRecord; s: Session } | undefined {
  const s = write ? ctx.requireTier('userAccess.write') : ctx.requireSession()
  if (!s) return undefined
  if (ctx.params.id !== undefined) {
    const rec = ctx.deployment()
    return rec && { rec, s }
  }
  if (ctx.host.mode === 'sovereign') return { rec: ctx.host.rec, s }
  ctx.json(400, {
    error: 'deployment-required',
    detail: 'use /deployments/{id}/admin/user-access on the mothership',
  })
  return undefined
}

const list: Handler = (ctx) => {
  const t = target(ctx)
  if (t) ctx.json(200, userAccessListBody(ctx.sim.userAccessList(t.rec.spec.id)))
}

/** The highest tier a record's grants amount to (an app grant's role read as a tier). */
function grantedTier(spec: { applications?: readonly { role: string }[] | null | undefined }): string {
  let top = 0
  for (const a of spec.applications ?? []) top = Math.max(top, TIERS.indexOf(ROLE_TIER[a.role] ?? 'viewer'))
  return TIERS[top]!
}

const create: Handler = async (ctx) => {
  const t = target(ctx, true)
  if (!t) return
  const { rec, s } = t
  const body = await ctx.body(UserAccessCreate, (detail) =>
    ctx.json(400, { error: 'invalid-user-access', detail }),
  )
  if (!body) return
  if ('email' in body && !isTier(body.tier))
    return ctx.json(400, { error: 'invalid-user-access', detail: `tier: one of ${TIERS.join(', ')}` })
  if (!ctx.requireGrantable(s, 'email' in body ? body.tier : grantedTier(body.spec))) return
  if ('name' in body && !ctx.requireOwnerFor(s, body.name)) return
  const fqdn = rec.spec.request.sovereignFQDN
  const record =
    'email' in body
      ? {
          name: ownerRecordName(body.email).replace('useraccess-owner-', 'useraccess-'),
          spec: {
            user: { keycloakSubject: body.email },
            sovereignRef: sovereignRefOf(fqdn),
            applications: [
              { app: '*', role: body.tier === 'viewer' ? ('viewer' as const) : ('admin' as const) },
            ],
          },
        }
      : {
          name: body.name,
          spec: { ...body.spec, sovereignRef: body.spec.sovereignRef || sovereignRefOf(fqdn) },
        }
  const out = ctx.sim.saveUserAccess(rec.spec.id, record, 'create')
  if (out.ok) ctx.json(201, out.value)
  else ctx.refuse(out)
}

const update: Handler = async (ctx) => {
  const t = target(ctx, true)
  if (!t) return
  const { rec, s } = t
  if (!UserAccessName.safeParse(ctx.params.name).success)
    return ctx.json(404, { error: 'user-access-not-found' })
  if (!ctx.requireOwnerFor(s, ctx.params.name!)) return
  const body = await ctx.body(UserAccessUpdate, (detail) =>
    ctx.json(400, { error: 'invalid-user-access', detail }),
  )
  if (!body) return
  if (!ctx.requireGrantable(s, grantedTier(body.spec))) return
  const out = ctx.sim.saveUserAccess(rec.spec.id, { name: ctx.params.name!, spec: body.spec }, 'update')
  if (out.ok) ctx.json(200, out.value)
  else ctx.refuse(out)
}

const remove: Handler = (ctx) => {
  const t = target(ctx, true)
  if (!t) return
  if (!ctx.requireOwnerFor(t.s, ctx.params.name ?? '')) return
  if (ctx.sim.deleteUserAccess(t.rec.spec.id, ctx.params.name ?? '')) ctx.empty(204)
  else ctx.json(404, { error: 'user-access-not-found' })
}

export function userRoutes(r: ApiRouter): void {
  for (const prefix of ['admin/user-access', 'deployments/:id/admin/user-access']) {
    r.add('GET', prefix, list)
    r.add('POST', prefix, create)
    r.add('PUT', `${prefix}/:name`, update)
    r.add('DELETE', `${prefix}/:name`, remove)
  }
  r.add('GET', 'sovereign/users', list)
}
