/** V8 flags for the long-running service process. */
export const SERVICE_NODE_FLAGS: readonly string[];
