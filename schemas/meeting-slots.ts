/**
 * The check-in's meeting blocks: in a module of their own, so that the rules every form page
 * loads do not pull in the follow-up schemas (the application pages' script budget).
 */
export const meetingSlots = ['first', 'second', 'third'] as const;
