import type { z } from 'zod'
import type { Json } from './shape.ts'

/**
 * One golden wire sample: a body exactly as the real catalyst-api writes it, written from the Go structs
 * (the `source` names the upstream file, `products/catalyst/bootstrap/api/...`) and the May contract.
 */
export interface GoldenCase {
  name: string
  /** Where the shape comes from: the upstream Go file (and struct) or the contract section. */
  source: string
  wire: Json
  /**
   * false: a form the console must read but the mock does not answer (an older backend's, an error the mock
   * cannot reach). Such cases are checked against the schema and the readers only.
   */
  mock?: boolean
}

/** All golden samples of one endpoint, with the schema the console parses them with. */
export interface GoldenTable {
  endpoint: string
  schema: z.ZodType
  cases: GoldenCase[]
  /** Dot paths of map objects (keys are data): see `ShapeOptions.maps`. */
  maps?: string[]
  /** Dot paths of timestamps and the format Go writes there. */
  formats?: Record<string, RegExp>
}
