/**
 * Ports and server selection for the e2e config. Every port comes from the environment so several people
 * can run the suites side by side: `E2E_PORT` (preview, default 4173) and `E2E_PROD_PORT` (nginx, default
 * 4180), whose neighbours +1…+4 are the prod mock, the dead-upstream nginx, the dev-proxy mock and the
 * dev server — each also settable on its own.
 */
export interface E2ePorts {
  preview: number
  prod: number
  prodMock: number
  deadUpstream: number
  devMock: number
  dev: number
}

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const n = Number(raw)
  if (!/^\d+$/.test(raw) || n < 1 || n > 65535) throw new Error(`${name} is not a port: ${raw}`)
  return n
}

export function e2ePorts(env: NodeJS.ProcessEnv): E2ePorts {
  const prod = port(env, 'E2E_PROD_PORT', 4180)
  return {
    preview: port(env, 'E2E_PORT', 4173),
    prod,
    prodMock: port(env, 'E2E_PROD_MOCK_PORT', prod + 1),
    deadUpstream: port(env, 'E2E_DEAD_UPSTREAM_PORT', prod + 2),
    devMock: port(env, 'E2E_DEV_MOCK_PORT', prod + 3),
    dev: port(env, 'E2E_DEV_PORT', prod + 4),
  }
}

/**
 * The projects this run will execute, from Playwright's `--project` arguments (`--project x`,
 * `--project=x`, wildcards `*`), so a run of one project starts only its servers. No argument: all.
 */
export function projectsToRun(argv: readonly string[], all: readonly string[]): Set<string> {
  const patterns: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg.startsWith('--project=')) patterns.push(arg.slice('--project='.length))
    else if (arg === '--project') {
      // Variadic, as Playwright reads it: every following argument up to the next option.
      while (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('-')) patterns.push(argv[++i]!)
    }
  }
  if (patterns.length === 0) return new Set(all)
  const matchers = patterns.map(
    (p) => new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i'),
  )
  return new Set(all.filter((name) => matchers.some((m) => m.test(name))))
}
