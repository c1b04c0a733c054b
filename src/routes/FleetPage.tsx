import { FleetTreemap } from '../features/dashboard/FleetTreemap.tsx'
import { FleetScreen } from '../features/deployments/fleet/FleetScreen.tsx'

/** `/app/dashboard` (mothership only): the fleet tiles and the fleet treemap. */
export function FleetPage() {
  return <FleetScreen treemap={<FleetTreemap />} />
}
