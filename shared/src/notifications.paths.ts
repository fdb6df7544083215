// Apart from ./notifications.ts so that the header's link imports nothing else.

/** The address of the notifications page; `?onglet=preferences` opens the preferences. */
export const NOTIFICATIONS_PATH = '/notifications';
export const PREFERENCES_PATH = `${NOTIFICATIONS_PATH}?onglet=preferences`;
