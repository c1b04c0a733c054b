import { z } from 'zod'
import { NOTIFICATION_LEVELS, type NotificationLevel } from '../../lib/notifications.ts'

/** `/notifications?level=error&deployment=<id>&unread=1`: what an operator filters is bookmarkable. */
export const notificationsSearch = z.object({
  level: z
    .string()
    .optional()
    .catch(undefined)
    .transform((v) =>
      NOTIFICATION_LEVELS.includes(v as NotificationLevel) ? (v as NotificationLevel) : undefined,
    ),
  deployment: z.string().max(200).optional().catch(undefined),
  unread: z
    .union([z.string(), z.number(), z.boolean()])
    .optional()
    .catch(undefined)
    .transform((v) => v === '1' || v === 1 || v === true || undefined),
})
export type NotificationsSearch = z.infer<typeof notificationsSearch>
