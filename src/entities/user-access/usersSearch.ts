import { z } from 'zod'

/** The users list's URL state: filter text and sort. */
export const usersSearch = z.object({
  q: z.string().max(200).optional().catch(undefined),
  sort: z.enum(['name', 'user', 'bindings', 'created']).optional().catch(undefined),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
})
export type UsersSearch = z.infer<typeof usersSearch>
