/** The viewer's own time zone (IANA name), UTC when the runtime does not say. */
export const LOCAL_ZONE: string = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
