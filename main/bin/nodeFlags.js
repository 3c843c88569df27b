// V8 flags for the long-running service. A young generation capped at 1 MB lets V8's memory reducer
// hand memory back once a burst of commands is over (without it, 2,000 commands left the idle service
// about 40 MB larger for good). Only the service: they cost a short-lived `cadence status` a fifth of its
// CPU time, so `cadence serve` typed by hand restarts itself under them (main/bin/cadence.cjs).
export const SERVICE_NODE_FLAGS = ['--max-semi-space-size=1'];
