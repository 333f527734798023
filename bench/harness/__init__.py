"""The benchmark behind bench/run, one job per module.

  command        bench/run's options; runs the parts in order, saves the raw results, reports
  session        what one run shares: options, sizes, binaries, work directory, results
  config         sizes (full and smoke), credentials, the operations measured
  build          the Release build with the bench tools, and where its binaries are
  processes      the servers a run starts (stopped on every way out), free ports, waiting for HTTP
  servers        starting iotjobsd, moto and the bare Beast ceiling
  machine        what the machine is doing: /proc CPU counters, a disk fsync probe, CPU, memory
  quiet          waiting for other sessions' work to leave the shared CPU before a row
  loadgen        one bench/loadgen run: request file, CPU accounting, perf, error checks
  request_lines  the requests bench/loadgen replays (it signs them before the clock starts)
  results        the measured rows, saved to and loaded from JSON
  versions       what was measured: HEAD's commit and moto's version
  log            time-stamped progress lines
  parts/         one module per --parts name (main, memory, postgres, contention, jobsize,
                 moto, scale, fanout, cli), and what
                 they share: table (the main table on one server), ceilings, bulk_load
  report/        RESULTS.md: tables, goals, limits (what limits each figure), document
"""
