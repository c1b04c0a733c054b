/**
 * The refusals of `tiers.ts`'s rules in plain words. Apart from the rules so that the shell, which only asks
 * "may I?", does not carry the sentences in the first load (issue 17's entry budget).
 */
import { ACTION_MIN, TIERS, tierRank, type Action, type Tier } from './tiers.ts'

/** What each action is, in words. */
const ACTION_WORDS: Readonly<Record<Action, string>> = {
  'deployment.launch': 'launch a deployment',
  'deployment.delete': 'delete or wipe a deployment',
  'job.retry': 'retry a job',
  'infrastructure.change': 'change infrastructure',
  'handover.mint': 'hand over a Sovereign',
  'kubeconfig.upload': 'upload a kubeconfig',
  'watch.refresh': 'refresh the component watch',
  'userAccess.write': 'change user access',
  'app.publish': 'publish apps to the marketplace',
}

/** "an operator", "an admin", "a developer": the article the tier's name needs. */
function withArticle(tier: string): string {
  return /^[aeiou]/.test(tier) ? `an ${tier}` : `a ${tier}`
}

/**
 * The refusal in plain words, the same on the wire (`detail` of the 403) and on a disabled control:
 * "Your role (viewer) cannot retry a job: it needs an operator or above."
 */
export function refusalText(tier: string | undefined, action: Action): string {
  const min: Tier = ACTION_MIN[action]
  const words = ACTION_WORDS[action]
  const above = tierRank(min) === TIERS.length - 1 ? '' : ' or above'
  return `Your role (${tier || 'none'}) cannot ${words}: it needs ${withArticle(min)}${above}.`
}
