import * as ContextMenu from '@radix-ui/react-context-menu'
import styles from './FlowScreen.module.css'

export interface FlowMenuTarget {
  id: string
  label: string
  kind: 'group' | 'job'
  folded: boolean
  /** The group has children (folding means something). */
  foldable: boolean
  hasFailures: boolean
  parentLabel: string | undefined
  newTabHref: string | undefined
}

export interface FlowMenuActions {
  toggleFold(id: string): void
  foldSubtree(id: string): void
  expandAll(id: string): void
  unfoldFailures(id: string): void
  foldParent(id: string): void
  openJob(id: string): void
  copyId(id: string): void
  fit(): void
  setDepth(depth: 1 | 'all'): void
}

/**
 * The right-click menu, for groups AND jobs (upstream had it on groups only, unreachable at depth=all),
 * and for the empty canvas. Radix handles focus, arrow keys, typeahead and Escape.
 */
export function FlowContextMenu({
  target,
  actions,
}: {
  target: FlowMenuTarget | undefined
  actions: FlowMenuActions
}) {
  const item = (label: string, onSelect: () => void, disabled = false) => (
    <ContextMenu.Item className={styles.menuItem} onSelect={onSelect} disabled={disabled}>
      {label}
    </ContextMenu.Item>
  )
  return (
    <ContextMenu.Portal>
      <ContextMenu.Content
        className={styles.menu}
        aria-label={target ? `Actions for ${target.label}` : 'Graph actions'}
        collisionPadding={8}
      >
        {!target ? (
          <>
            {item('Fit to view', actions.fit)}
            {item('Collapse to phases', () => actions.setDepth(1))}
            {item('Expand everything', () => actions.setDepth('all'))}
          </>
        ) : target.kind === 'group' ? (
          <>
            <ContextMenu.Label className={styles.menuLabel}>{target.label}</ContextMenu.Label>
            {target.foldable
              ? item(target.folded ? 'Unfold' : 'Fold', () => actions.toggleFold(target.id))
              : null}
            {item('Fold subtree', () => actions.foldSubtree(target.id), !target.foldable)}
            {item('Expand all under here', () => actions.expandAll(target.id), !target.foldable)}
            {item('Unfold failures', () => actions.unfoldFailures(target.id), !target.hasFailures)}
            <ContextMenu.Separator className={styles.menuSeparator} />
            {item('Copy id', () => actions.copyId(target.id))}
          </>
        ) : (
          <>
            <ContextMenu.Label className={styles.menuLabel}>{target.label}</ContextMenu.Label>
            {item('Open job', () => actions.openJob(target.id))}
            {target.newTabHref ? (
              <ContextMenu.Item className={styles.menuItem} asChild>
                <a href={target.newTabHref} target="_blank" rel="noopener noreferrer">
                  Open in new tab
                </a>
              </ContextMenu.Item>
            ) : null}
            {target.parentLabel
              ? item(`Fold ${target.parentLabel}`, () => actions.foldParent(target.id))
              : null}
            <ContextMenu.Separator className={styles.menuSeparator} />
            {item('Copy id', () => actions.copyId(target.id))}
          </>
        )}
      </ContextMenu.Content>
    </ContextMenu.Portal>
  )
}
