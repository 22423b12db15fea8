import type { ExtensionIssue } from '@common/tellus/device-extensions'

/**
 * Extension values the charger sent that do not match the proposal, each with where it is and the
 * value as received, so a malformed value is visible without hiding anything else.
 */
export function UnreadableValues({ issues }: { issues: readonly ExtensionIssue[] }) {
  if (issues.length === 0) return null
  return (
    <div className="extension-unreadable" role="note">
      <p>
        <strong>{issues.length === 1 ? 'One value cannot be read' : `${issues.length} values cannot be read`}</strong> (not as the proposal
        describes it), shown as received:
      </p>
      <ul>
        {issues.map((issue) => (
          <li key={issue.path}>
            <code>{issue.path}</code>: <code>{issue.verbatim}</code>
          </li>
        ))}
      </ul>
    </div>
  )
}
