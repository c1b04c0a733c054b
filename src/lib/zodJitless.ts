/**
 * Zod compiles object parsers with `new Function` where it may, and probes for that when a schema is
 * created. Under the console's CSP (no 'unsafe-eval') the probe is refused — and reported as a CSP
 * violation, caught or not. Jitless parsing never probes.
 *
 * A worker that creates schemas imports this first (its bundle is one chunk, so this runs before the
 * contract modules). The main thread cannot rely on import order — code splitting may run a contract
 * chunk before the entry's own modules — so `public/theme-init.js` sets the same flag before any module.
 */
import { z } from 'zod'

z.config({ jitless: true })
