/**
 * In-page ids of the device view that other parts focus or scroll to. Kept apart from the
 * components that carry them so the first screen (the lookup) can name them without loading the
 * device detail's code.
 */

/** The area below the lookup; the view scrolls it to the top after a lookup. */
export const RESULT_ID = 'device-result'

/** The verdict of the device on screen, where focus goes after a lookup. */
export const VERDICT_ID = 'device-verdict'
