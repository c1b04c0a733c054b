import { z } from 'zod'
import { EpochMs, looseArray } from './common.ts'

export const RELATIONSHIP_TYPES = [
  'contains',
  'finish-to-start',
  'start-to-start',
  'finish-to-finish',
  'start-to-finish',
  'triggers',
] as const
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number]

export const FlowInstance = z.object({
  id: z.string(),
  definitionId: z.string().optional(),
  parentFlowId: z.string().optional(),
  triggeredBy: looseArray(z.object({ flowId: z.string(), when: z.string() })),
  status: z.string().default('pending'),
  startedAt: EpochMs.default(0),
  endedAt: EpochMs.optional(),
  meta: z.record(z.string(), z.unknown()).optional(),
})
export type FlowInstance = z.infer<typeof FlowInstance>

/** Timestamps arrive in seconds or milliseconds and are normalised to milliseconds. */
export const FlowNode = z.object({
  id: z.string().min(1),
  flowId: z.string().default(''),
  label: z.string().default(''),
  status: z.string().default('pending'),
  family: z.string().optional(),
  region: z.string().optional(),
  startedAt: EpochMs.optional(),
  endedAt: EpochMs.optional(),
  meta: z.record(z.string(), z.unknown()).optional(),
})
export type FlowNode = z.infer<typeof FlowNode>

/**
 * `contains`: toId is the PARENT and fromId the child (contract §3.7, trap 7).
 * `finish-to-start`: toId starts after fromId finishes (fromId = dependency).
 */
export const Relationship = z.object({
  fromId: z.string(),
  toId: z.string(),
  fromFlowId: z.string().optional(),
  toFlowId: z.string().optional(),
  type: z.string(),
  condition: z.string().optional(),
  lag: z.number().optional(),
})
export type Relationship = z.infer<typeof Relationship>

export const RelationshipKey = z.object({ fromId: z.string(), toId: z.string(), type: z.string() })
export type RelationshipKey = z.infer<typeof RelationshipKey>

/** Every array may be absent (Go `omitempty`, trap 6) and parses to `[]`. */
export const FlowMessage = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('snapshot'),
    flow: FlowInstance,
    nodes: looseArray(FlowNode),
    relationships: looseArray(Relationship),
  }),
  z.object({ type: z.literal('upsert-flow'), flow: FlowInstance }),
  z.object({ type: z.literal('upsert-nodes'), nodes: looseArray(FlowNode) }),
  z.object({ type: z.literal('upsert-rels'), relationships: looseArray(Relationship) }),
  z.object({ type: z.literal('delete-nodes'), ids: looseArray(z.string()) }),
  z.object({ type: z.literal('delete-rels'), pairs: looseArray(RelationshipKey) }),
])
export type FlowMessage = z.infer<typeof FlowMessage>
export type FlowMessageWire = z.input<typeof FlowMessage>
export type FlowSnapshot = Extract<FlowMessage, { type: 'snapshot' }>

/** Named SSE events of `/flows/{id}/stream`; `heartbeat` carries `{}`. */
export const FLOW_SSE_EVENTS = [
  'snapshot',
  'upsert-flow',
  'upsert-nodes',
  'upsert-rels',
  'delete-nodes',
  'delete-rels',
] as const
export const FLOW_PHASES = ['provisioner', 'bootstrap-kit', 'cutover', 'handover', 'apps'] as const
export type FlowPhase = (typeof FLOW_PHASES)[number]
