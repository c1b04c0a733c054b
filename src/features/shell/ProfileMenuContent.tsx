import * as Menu from '@radix-ui/react-dropdown-menu'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useRouter } from '@tanstack/react-router'
import { useRef, useSyncExternalStore } from 'react'
import { endSession } from '../../entities/session/signOut.ts'
import { whoamiQueryOptions } from '../../entities/session/whoamiQueries.ts'
import { useTakeFocus, type DeferredPopup } from '../../lib/useIdle.ts'
import { setThemePreference, subscribeTheme, themePreference, type ThemePreference } from '../../lib/theme.ts'
import { Avatar } from './ProfileMenu.tsx'
import styles from './ProfileMenu.module.css'

const THEMES: { value: ThemePreference; label: string }[] = [
  { value: 'system', label: 'Match the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
]

/**
 * The account menu (Radix): the signed-in user's email and tier, the theme choice (same store as the header
 * toggle), sign out. Loaded after the first paint; ProfileMenu renders a stand-in trigger until then.
 */
export function ProfileMenuContent({ label, popup }: { label: string; popup: DeferredPopup['popup'] }) {
  const me = useQuery(whoamiQueryOptions())
  const trigger = useRef<HTMLButtonElement>(null)
  useTakeFocus(popup, trigger)
  const preference = useSyncExternalStore(subscribeTheme, themePreference, () => 'system' as const)
  const queryClient = useQueryClient()
  const router = useRouter()
  const email = me.data?.email ?? ''

  const logout = async () => {
    await endSession(queryClient)
    await router.navigate({ to: '/login', replace: true })
  }

  return (
    // Non-modal: a modal menu aria-hides the whole app while it is open (axe: aria-hidden-focus).
    <Menu.Root modal={false} defaultOpen={popup.defaultOpen}>
      <Menu.Trigger ref={trigger} className={`btn btn-ghost ${styles.trigger}`} aria-label={label}>
        <Avatar email={email} />
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content className={styles.content} align="end" sideOffset={6}>
          <Menu.Label className={styles.who}>
            <span className={styles.signedInAs}>Signed in as</span>
            <span className={styles.email}>{email || '…'}</span>
            {me.data?.tier ? <span className={styles.tier}>{me.data.tier}</span> : null}
          </Menu.Label>
          <Menu.Separator className={styles.separator} />
          <Menu.Label className={styles.groupLabel} id="profile-theme-label">
            Theme
          </Menu.Label>
          <Menu.RadioGroup
            aria-labelledby="profile-theme-label"
            value={preference}
            onValueChange={(v) => setThemePreference(v as ThemePreference)}
          >
            {THEMES.map((t) => (
              <Menu.RadioItem
                key={t.value}
                value={t.value}
                className={styles.item}
                onSelect={(e) => e.preventDefault()}
              >
                <Menu.ItemIndicator className={styles.indicator}>✓</Menu.ItemIndicator>
                {t.label}
              </Menu.RadioItem>
            ))}
          </Menu.RadioGroup>
          <Menu.Separator className={styles.separator} />
          <Menu.Item className={styles.item} onSelect={() => void logout()}>
            Sign out
          </Menu.Item>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  )
}
