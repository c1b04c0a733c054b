/**
 * Mode-specific surfaces, declared once. A component or notification that exists in only one mode names
 * its surface here and is rendered through `<OnlyIn surface=…>` / `useSurface()` (or raised with
 * `notify({surface})`), instead of checking the mode itself. On a Sovereign the mothership surfaces
 * would be wrong or loop (regressions 1, 48–50): the fleet, "+ New deployment", the handover banner and
 * auto-redirect, the malformed-deployment-id and per-component-monitoring notices.
 */
import type { ConsoleMode } from './mode.ts'

export const SURFACES = {
  /** The multi-Sovereign fleet view (`/app/dashboard`) and its nav entry. */
  fleet: ['mothership'],
  /** The deployments list and its nav entry. */
  deploymentsList: ['mothership'],
  /** "+ New deployment" buttons and the wizard entry. */
  newDeployment: ['mothership'],
  /** Handover-ready toast/banner, "Open your Sovereign console", the 5 s auto-redirect. */
  handover: ['mothership'],
  /** "Deployment id in the URL is malformed" (a Sovereign's id comes from /sovereign/self, never a URL). */
  malformedDeploymentId: ['mothership'],
  /** "Per-component install monitoring is unavailable". */
  componentMonitoringUnavailable: ['mothership'],
  /** Deployment-scoped pages under `/provision/<id>` and the "This deployment" nav section. */
  deploymentPicker: ['mothership'],
  /** The mode/FQDN badge and the deployment context strip exist in both modes. */
  modeBadge: ['mothership', 'sovereign'],
  deploymentStrip: ['mothership', 'sovereign'],
} as const satisfies Record<string, readonly ConsoleMode[]>

export type Surface = keyof typeof SURFACES

export function surfaceAvailable(surface: Surface, mode: ConsoleMode): boolean {
  return (SURFACES[surface] as readonly ConsoleMode[]).includes(mode)
}
