/** Placeholder until the feature lands (tracked by its issue). */
export function FleetTreemap() {
  return <h2>Fleet treemap</h2>
}
