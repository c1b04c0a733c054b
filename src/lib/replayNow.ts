import { createContext, useContext } from 'react'

/**
 * The instant a replayed page shows (`?at=`), or undefined on live pages. Live clocks (running durations)
 * read it instead of ticking: at 09:12 a job that was running shows how long it had run by 09:12.
 */
export const ReplayNowContext = createContext<number | undefined>(undefined)

export function useReplayNow(): number | undefined {
  return useContext(ReplayNowContext)
}
