import type { ProfilesFileNotice as Notice } from '@common/profile-types'
import { Banner } from '@renderer/components/banner'
import { Button } from '@renderer/components/button'
import { ErrorPanel } from '@renderer/components/error-panel'
import { useAppStore } from '@renderer/store/store-context'
import { WhatToDo } from '@renderer/components/what-to-do'

/** Props of `ProfilesFileNotice`. */
export interface ProfilesFileNoticeProps {
  notice: Notice
  /** Called once main has dropped the notice (the banner is about to disappear). */
  onDismissed: () => void
}

/**
 * Why the saved operator profiles are gone (the damaged profiles file, with the path main moved it
 * to) and what to do about it. Dismissing it asks main, so it stays gone for the session.
 */
export function ProfilesFileNotice({ notice, onDismissed }: ProfilesFileNoticeProps) {
  const dismiss = useAppStore((s) => s.dismissProfilesNotice)
  const pending = useAppStore((s) => s.profilePending?.action === 'dismiss-notice')
  const error = useAppStore((s) => (s.profileError?.action === 'dismiss-notice' ? s.profileError.error : null))
  return (
    <Banner
      variant="warning"
      className="profiles-notice"
      title="Your saved operator profiles could not be loaded"
      actions={
        <Button busy={pending} onClick={() => void dismiss().then((result) => result.ok && onDismissed())}>
          Dismiss notice
        </Button>
      }
    >
      <p className="profiles-notice-message">{notice.message}</p>
      {notice.action ? (
        <WhatToDo action={notice.action} />
      ) : null}
      {error ? <ErrorPanel headingLevel={2} error={error} /> : null}
    </Banner>
  )
}
