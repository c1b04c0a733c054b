/**
 * The Hetzner catalogue the console offers: locations and server types, and the worker-count bounds. One
 * list for the new-deployment wizard and the Cloud page's Day-2 dialogs, so a region or pool added later
 * is offered exactly what a launch was.
 */

export const HETZNER_REGIONS: readonly { id: string; label: string }[] = [
  { id: 'fsn1', label: 'Falkenstein, DE (fsn1)' },
  { id: 'nbg1', label: 'Nuremberg, DE (nbg1)' },
  { id: 'hel1', label: 'Helsinki, FI (hel1)' },
  { id: 'ash', label: 'Ashburn, US (ash)' },
  { id: 'hil', label: 'Hillsboro, US (hil)' },
  { id: 'sin', label: 'Singapore, SG (sin)' },
]

export const HETZNER_SKUS: readonly { id: string; label: string }[] = [
  { id: 'cpx22', label: 'CPX22 — 2 vCPU, 4 GB' },
  { id: 'cpx32', label: 'CPX32 — 4 vCPU, 8 GB (recommended)' },
  { id: 'cpx42', label: 'CPX42 — 8 vCPU, 16 GB' },
  { id: 'cpx52', label: 'CPX52 — 12 vCPU, 24 GB' },
  { id: 'cpx62', label: 'CPX62 — 16 vCPU, 32 GB' },
  { id: 'ccx33', label: 'CCX33 — 8 dedicated vCPU, 32 GB' },
  { id: 'ccx43', label: 'CCX43 — 16 dedicated vCPU, 64 GB' },
]

export const MIN_WORKERS = 1
export const MAX_WORKERS = 20
