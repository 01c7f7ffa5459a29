/**
 * What a notification can be about (issue 9, "Notifications"). Each kind has its texts in the catalogues under
 * `notifications.kinds.<kind>` (title and, for e-mail, the same sentence); its `params` fill them in.
 */
export const NOTIFICATION_KINDS = [
  'approval_requested',
  'approval_decided',
  'approval_comment',
  'reservation_raised',
  'reservation_lifted',
  'go_no_go_signed',
  'anomaly_assigned',
  'anomaly_to_retest',
  'requirement_changed',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The values a notification's sentence names: references, titles and statuses, never free text of the change. */
export type NotificationParams = Record<string, string | number>;

/** Unread counts above this show as "99+": the bell's count stops there, so it stays one short indexed read. */
export const UNREAD_COUNT_CAP = 99;

/** Sends a row is tried at most this many times (then it stays, unsent, for an administrator to look at). */
export const MAIL_MAX_ATTEMPTS = 8;
