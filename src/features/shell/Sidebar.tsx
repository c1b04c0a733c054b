import { useQuery } from '@tanstack/react-query'
import { useRouterState } from '@tanstack/react-router'
import { AppLink } from '../../components/AppLink.tsx'
import { deploymentQueryOptions } from '../../entities/deployment/deploymentQueries.ts'
import { useAllows } from '../../entities/session/sessionTier.ts'
import type { Action } from '../../contracts/tiers.ts'
import { linkTo, type LinkTarget } from '../../lib/links.ts'
import type { ConsoleMode } from '../../lib/mode.ts'
import { useMode } from '../../lib/modeContext.tsx'
import { surfaceAvailable, type Surface } from '../../lib/surfaces.ts'
import styles from './AppShell.module.css'

interface NavItemDecl {
  label: string
  /** Shown only where this surface exists (src/lib/surfaces.ts); always shown when absent. */
  surface?: Surface
  target: (deploymentId: string) => LinkTarget
  /** Other pages that belong to this section (their path and below mark it active). */
  also?: (deploymentId: string) => LinkTarget[]
  /** Active only on its own path, not below it. */
  exact?: boolean
  /** An entry that only starts a write: listed only for a session whose tier allows it (contract §1.2). */
  action?: Action
}

interface NavSectionDecl {
  id: 'mothership' | 'deployment'
  surface?: Surface
  /** Listed only while a deployment is in scope. */
  needsDeployment?: boolean
  items: NavItemDecl[]
}

/** The sections of both consoles, declared once; the link builder turns each target into the mode's URL. */
const NAV: NavSectionDecl[] = [
  {
    id: 'mothership',
    surface: 'deploymentsList',
    items: [
      { label: 'Deployments', surface: 'deploymentsList', target: () => ({ page: 'deployments' }) },
      {
        label: 'New deployment',
        surface: 'newDeployment',
        action: 'deployment.launch',
        target: () => ({ page: 'wizard' }),
      },
      { label: 'Fleet', surface: 'fleet', target: () => ({ page: 'fleet' }) },
    ],
  },
  {
    id: 'deployment',
    needsDeployment: true,
    items: [
      {
        label: 'Overview',
        surface: 'deploymentPicker',
        exact: true,
        target: (d) => ({ page: 'overview', deploymentId: d }),
      },
      { label: 'Dashboard', target: (d) => ({ page: 'dashboard', deploymentId: d }) },
      {
        label: 'Apps',
        target: (d) => ({ page: 'apps', deploymentId: d }),
        also: (d) => [{ page: 'app', deploymentId: d, componentId: '' }],
      },
      { label: 'Jobs', target: (d) => ({ page: 'jobs', deploymentId: d }) },
      { label: 'Cloud', target: (d) => ({ page: 'cloud', deploymentId: d }) },
      { label: 'Users', target: (d) => ({ page: 'users', deploymentId: d }) },
      { label: 'Settings', target: (d) => ({ page: 'settings', deploymentId: d }) },
    ],
  },
]

export interface NavEntry {
  label: string
  target: LinkTarget
  active: boolean
}

const pathOnly = (href: string) => (href.split(/[?#]/)[0] ?? href).replace(/(.)\/+$/, '$1')

function under(path: string, base: string, exact: boolean): boolean {
  return path === base || (!exact && path.startsWith(`${base}/`))
}

/**
 * The sections for a mode and the current router path (no basepath), with the active entry marked. Pure:
 * what the sidebar shows is decided here, from the declarations above.
 */
export function navSections(
  mode: ConsoleMode,
  deploymentId: string,
  path: string,
  allows: (action: Action) => boolean = () => true,
): { id: NavSectionDecl['id']; items: NavEntry[] }[] {
  const current = pathOnly(path)
  return NAV.filter(
    (s) => (!s.surface || surfaceAvailable(s.surface, mode)) && (!s.needsDeployment || deploymentId),
  )
    .map((s) => ({
      id: s.id,
      items: s.items
        .filter((i) => (!i.surface || surfaceAvailable(i.surface, mode)) && (!i.action || allows(i.action)))
        .map((i) => {
          const target = i.target(deploymentId)
          const bases = [target, ...(i.also?.(deploymentId) ?? [])].map((t) => pathOnly(linkTo(mode, t)))
          return { label: i.label, target, active: bases.some((b) => under(current, b, !!i.exact)) }
        }),
    }))
    .filter((s) => s.items.length > 0)
}

export function Sidebar({ deploymentId }: { deploymentId: string }) {
  const mode = useMode()
  const path = useRouterState({ select: (s) => s.location.pathname })
  const allows = useAllows()
  const deployment = useQuery(deploymentQueryOptions(deploymentId))
  const fqdn =
    mode.mode === 'sovereign'
      ? mode.sovereignFQDN || deployment.data?.sovereignFQDN
      : deployment.data?.sovereignFQDN ||
        (deploymentId ? `deployment ${deploymentId.slice(0, 8)}` : undefined)
  return (
    <nav className={styles.sidebar} aria-label="Main">
      <div className={styles.brand}>
        <span className={styles.logo} aria-hidden="true">
          ◭
        </span>
        <span>Catalyst Console</span>
      </div>
      {navSections(mode.mode, deploymentId, path, allows).map((section) => {
        const title =
          section.id === 'mothership' ? 'Mothership' : mode.mode === 'sovereign' ? 'Sovereign' : 'Deployment'
        const headingId = `nav-${section.id}`
        return (
          <div key={section.id} className={styles.section}>
            <h2 className={styles.sectionTitle} id={headingId}>
              {title}
              {section.id === 'deployment' && fqdn ? <span className={styles.sectionSub}>{fqdn}</span> : null}
            </h2>
            <ul className={styles.navList} aria-labelledby={headingId}>
              {section.items.map((item) => (
                <li key={item.label}>
                  <AppLink
                    to={item.target}
                    className={`${styles.navLink} ${item.active ? styles.active : ''}`}
                    aria-current={item.active ? 'page' : undefined}
                  >
                    {item.label}
                  </AppLink>
                </li>
              ))}
            </ul>
          </div>
        )
      })}
    </nav>
  )
}
