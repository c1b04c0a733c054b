import { useEffect, useMemo } from 'react'
import { ExecutionLogSource, GlobalLogSource, type LogSource } from './logSource.ts'
import { ReplayLogSource, executionLinesUpTo, globalLinesUpTo } from './replayLogSource.ts'

/**
 * One source per key, running while the component is mounted. Sources are restartable, so StrictMode's
 * mount–unmount–mount keeps the lines already fetched.
 */
function useSource(source: LogSource | undefined): LogSource | undefined {
  useEffect(() => {
    source?.start()
    return () => source?.stop()
  }, [source])
  return source
}

/** One execution's log; `hintTotal` (its `lineCount`) lets a long log open at its end. */
export function useExecutionLog(executionId: string | undefined, hintTotal: number): LogSource | undefined {
  const source = useMemo(
    () => (executionId ? new ExecutionLogSource(executionId, hintTotal) : undefined),
    // The hint only shapes the first page: a growing lineCount must not recreate the source.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [executionId],
  )
  return useSource(source)
}

/** The merged log of every job of a deployment (its event stream). */
export function useGlobalLog(deploymentId: string | undefined): LogSource | undefined {
  const source = useMemo(() => (deploymentId ? new GlobalLogSource(deploymentId) : undefined), [deploymentId])
  return useSource(source)
}

/**
 * A log as it stood at `atMs` (replay) — one execution's (`{ executionId }`) or the deployment's global log
 * (`{ deploymentId }`); undefined when not replaying (`atMs` undefined).
 */
export function useReplayLog(
  of: { executionId: string } | { deploymentId: string },
  atMs: number | undefined,
): LogSource | undefined {
  const key = 'executionId' in of ? `e:${of.executionId}` : `d:${of.deploymentId}`
  const source = useMemo(() => {
    if (atMs === undefined) return undefined
    const id = key.slice(2)
    return new ReplayLogSource(atMs, key.startsWith('e:') ? executionLinesUpTo(id) : globalLinesUpTo(id))
  }, [key, atMs])
  return useSource(source)
}
