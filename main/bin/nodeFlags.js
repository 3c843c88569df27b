// V8 flags for the long-running service. A young generation capped at 1 MB lets V8's memory reducer
// hand memory back once a burst of commands is over (without it, 2,000 commands left the idle service
// about 40 MB larger for good). The garbage collector works on the main thread alone: for a heap of
// about 10 MB its helper threads' buffers cost more than they save (idle service 2-3 MB smaller, #23).
// Only the service: they cost a short-lived `cadence status` a fifth of its CPU time, so `cadence serve`
// typed by hand restarts itself under them (main/bin/cadence.cjs).
export const SERVICE_NODE_FLAGS = ['--max-semi-space-size=1', '--single-threaded-gc'];
