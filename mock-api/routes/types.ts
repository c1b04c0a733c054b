import type { Ctx } from '../context.ts'
import type { Router } from '../http/router.ts'

export type Handler = (ctx: Ctx) => void | Promise<void>
export type ApiRouter = Router<Handler>
