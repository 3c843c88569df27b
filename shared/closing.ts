/** How long after closing a day it can be reopened, as if it had not been closed (shutdown.undo). */
export const UNDO_CLOSE_MINUTES = 5;
