import { z } from 'zod'

const text = z.string().max(4096).optional().catch(undefined)

export const loginSearch = z.object({
  next: text,
  error: text,
  email: z.string().max(320).optional().catch(undefined),
})
export type LoginSearch = z.infer<typeof loginSearch>

export const verifySearch = z.object({ email: text, requestId: text, next: text })
export type VerifySearch = z.infer<typeof verifySearch>

export const handoverErrorSearch = z.object({ reason: text })
