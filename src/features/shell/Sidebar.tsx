import { useRouterState } from '@tanstack/react-router'
import type { LinkTarget } from '../../lib/links.ts'
import { useMode } from '../../lib/modeContext.tsx'
import { AppLink } from '../../components/AppLink.tsx'
import styles from './AppShell.module.css'

interface NavItem {
  label: string
  target: LinkTarget
  /** Router-path prefixes that mark this section active. */
  match: (path: string) => boolean
}

/** The mode's sections, declared once per mode (no scattered mode checks). */
export function navItems(
  mode: 'mothership' | 'sovereign',
  deploymentId: string,
): { title: string; items: NavItem[] }[] {
  const dep = deploymentId
  const scoped = (suffix: string) => (path: string) => path === suffix || path.startsWith(`${suffix}/`)
  if (mode === 'sovereign') {
    return [
      {
        title: 'Sovereign',
        items: [
          {
            label: 'Dashboard',
            target: { page: 'dashboard', deploymentId: dep },
            match: scoped('/dashboard'),
          },
          {
            label: 'Apps',
            target: { page: 'apps', deploymentId: dep },
            match: (p) => scoped('/apps')(p) || scoped('/app')(p),
          },
          { label: 'Jobs', target: { page: 'jobs', deploymentId: dep }, match: scoped('/jobs') },
          {
            label: 'Cloud',
            target: { page: 'cloud', deploymentId: dep },
            match: (p) => scoped('/cloud')(p) || scoped('/infrastructure')(p),
          },
          { label: 'Users', target: { page: 'users', deploymentId: dep }, match: scoped('/users') },
        ],
      },
    ]
  }
  const sections = [
    {
      title: 'Mothership',
      items: [
        {
          label: 'Deployments',
          target: { page: 'deployments' } as LinkTarget,
          match: scoped('/deployments'),
        },
        { label: 'New deployment', target: { page: 'wizard' } as LinkTarget, match: scoped('/wizard') },
        { label: 'Fleet', target: { page: 'fleet' } as LinkTarget, match: scoped('/app/dashboard') },
      ],
    },
  ]
  if (dep) {
    const base = `/provision/${encodeURIComponent(dep)}`
    sections.push({
      title: 'This deployment',
      items: [
        { label: 'Overview', target: { page: 'overview', deploymentId: dep }, match: (p) => p === base },
        { label: 'Jobs', target: { page: 'jobs', deploymentId: dep }, match: scoped(`${base}/jobs`) },
        {
          label: 'Dashboard',
          target: { page: 'dashboard', deploymentId: dep },
          match: scoped(`${base}/dashboard`),
        },
        {
          label: 'Cloud',
          target: { page: 'cloud', deploymentId: dep },
          match: (p) => scoped(`${base}/cloud`)(p) || scoped(`${base}/infrastructure`)(p),
        },
        {
          label: 'Apps',
          target: { page: 'apps', deploymentId: dep },
          match: (p) => scoped(`${base}/apps`)(p) || scoped(`${base}/app`)(p),
        },
        { label: 'Users', target: { page: 'users', deploymentId: dep }, match: scoped(`${base}/users`) },
      ],
    })
  }
  return sections
}

export function Sidebar({ deploymentId }: { deploymentId: string }) {
  const mode = useMode()
  const path = useRouterState({ select: (s) => s.location.pathname })
  return (
    <nav className={styles.sidebar} aria-label="Main">
      <div className={styles.brand}>
        <span className={styles.logo} aria-hidden="true">
          ◭
        </span>
        <span>Catalyst Console</span>
      </div>
      {navItems(mode.mode, deploymentId).map((section) => (
        <div key={section.title} className={styles.section}>
          <h2 className={styles.sectionTitle}>{section.title}</h2>
          <ul className={styles.navList}>
            {section.items.map((item) => {
              const active = item.match(path)
              return (
                <li key={item.label}>
                  <AppLink
                    to={item.target}
                    className={`${styles.navLink} ${active ? styles.active : ''}`}
                    aria-current={active ? 'page' : undefined}
                  >
                    {item.label}
                  </AppLink>
                </li>
              )
            })}
          </ul>
        </div>
      ))}
    </nav>
  )
}
