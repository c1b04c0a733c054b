import { Link } from '@tanstack/react-router'
import type { AnchorHTMLAttributes, ReactNode } from 'react'
import { splitHref, type LinkTarget } from '../lib/links.ts'
import { useLinks } from '../lib/modeContext.tsx'

/** Only a link to exactly this page is "current" (the router's default would mark every ancestor too). */
const ACTIVE_OPTIONS = { exact: true, includeSearch: false } as const

/**
 * Every in-app link: the target is a page + params; the path comes from the one link builder. The router
 * navigates client-side and adds the basepath itself. `aria-current="page"` is set only on a link to the
 * current path; a caller marking a whole section active passes `aria-current` itself.
 */
export function AppLink({
  to: target,
  children,
  ...rest
}: { to: LinkTarget; children: ReactNode } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'>) {
  const links = useLinks()
  const { to, search, hash } = splitHref(links.to(target))
  return (
    <Link to={to} search={search} hash={hash} activeOptions={ACTIVE_OPTIONS} {...rest}>
      {children}
    </Link>
  )
}
