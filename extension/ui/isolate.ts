/** Wraps a user-supplied value (team or member name, URL) in Unicode first-strong isolates so
 * a right-to-left name in left-to-right text, or the other way round, cannot reorder the
 * sentence around it. */
export const isolate = (value: string) => `\u2068${value}\u2069`;
