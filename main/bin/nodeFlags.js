// V8 flags for the long-running service. A young generation capped at 1 MB lets V8's memory reducer
// hand memory back once a burst of commands is over (without it, 2,000 commands left the idle service
// about 40 MB larger for good). The garbage collector works on the main thread alone: for a heap of
// about 10 MB its helper threads' buffers cost more than they save (idle service 2-3 MB smaller, #23).
// No optimising compiler (TurboFan): the service answers a few requests a minute, each in a few
// milliseconds, and the baseline code is as fast for that; the optimiser's own memory is what an idle
// service does not need (idle 56.1 → 52.2 MB; a glance of 10,000 teammates through the service 180-300 ms
// either way; start to ready unchanged). `--lite-mode` saves 1.5 MB more but starts 15 ms slower.
// Only the service: they cost a short-lived `cadence status` a fifth of its CPU time, so `cadence serve`
// typed by hand restarts itself under them (main/bin/cadence.cjs).
export const SERVICE_NODE_FLAGS = ['--max-semi-space-size=1', '--single-threaded-gc', '--no-opt'];
