"""RESULTS.md from a run's results: the tables, the goals, what limits each figure."""
