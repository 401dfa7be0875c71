// The server's limits on what a person types (TaskInputValidator and the quick-add parse request), so that the
// boxes stop where the server would refuse. WebInputLimitsTest (app) checks that they agree.

/** A task's title, in characters. */
export const TITLE_MAX = 200;
/** A task's description, in characters. */
export const DESCRIPTION_MAX = 4000;
/** The text quick add sends to be parsed. */
export const QUICK_ADD_MAX = 4000;
