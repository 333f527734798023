"""SearchIndex over the fan-out part's things, on its server once the dynamic group is ACTIVE
(so fleet indexing is on and every thing is in two groups). For each query shape a user would
run over a big fleet: the things it matches, counted once by paging through SearchIndex and
checked against what bench/bulk_load.cc gave the things; then its latency from bench/loadgen
(the same signed request over and over), at 1 connection, and at 16 when a request is cheap."""
import json

from ..log import log
from ..results import disturbance_note
from ..signed import signed_request

PAGE = 100  # SearchIndex's largest maxResults, asked by every shape
# Above this p50 at 1 connection, 16 connections only queue behind each other on the two cores
# (a walk over every thing takes about a second at 10^6): the 16-connection row is left out.
CHEAP_MS = 20.0


def shapes(n):
    """(shape, query string, matches expected) over bench/bulk_load.cc's n fan-out things:
    thing i is fan-thing-<i:08> with attributes serial sn-<i:08>, model m<i%4>, battery i%100.
    Names sort as i does, so a first page reads up to ~100/(share matched) things in order."""
    mid = n // 2
    count = lambda match: sum(1 for i in range(n) if match(i))  # noqa: E731
    return [
        ("attribute term, one thing", f"attributes.serial:sn-{mid:08d}", 1),
        ("thingName term, one thing", f"thingName:fan-thing-{mid:08d}", 1),
        ("attribute prefix", f"attributes.serial:sn-{mid // 100:06d}*",
         count(lambda i: i // 100 == mid // 100)),
        ("numeric range", "attributes.battery:[0 TO 4]", count(lambda i: i % 100 <= 4)),
        ("AND of two terms", "attributes.model:m2 AND attributes.battery:<5",
         count(lambda i: i % 4 == 2 and i % 100 < 5)),
        ("a quarter of the things, first page", "attributes.model:m2",
         count(lambda i: i % 4 == 2)),
    ]


def measure_search(s, port, n):
    """One row per (shape, connections) for the table "SearchIndex over N things"."""
    rows = []
    for shape, query, expected in shapes(n):
        body = json.dumps({"indexName": "AWS_Things", "queryString": query, "maxResults": PAGE})
        matches = count_matches(port, query)
        if matches != expected:
            raise RuntimeError(f"SearchIndex {query!r} over {n} things matched {matches}, "
                               f"expected {expected}")
        for conns in (1, 16):
            r = s.loadgen.run(port, [("iot", "POST", "/indices/search", body)], conns)
            rows.append(dict(shape=shape, query=query, matches=matches, conns=conns,
                             rps=r["rps"], p50=r["p50_us"], p99=r["p99_us"], p999=r["p999_us"],
                             requests=r["requests"], errors=r["errors"],
                             note=disturbance_note(r)))
            log(f"  SearchIndex over {n}: {shape:<36} c={conns:<2} {matches:>7} matches "
                f"{r['rps']:>7.0f} req/s  p50 {r['p50_us'] / 1000:>8.2f} ms  "
                f"p99 {r['p99_us'] / 1000:>8.2f} ms  n={r['requests']}"
                + (f"  ERRORS {r['errors']}" if r["errors"] else ""))
            if r["p50_us"] / 1000 > CHEAP_MS:
                break
    return rows


def count_matches(port, query):
    """Every page of the query's results, PAGE at a time; the number of things."""
    matches, token = 0, None
    while True:
        body = {"indexName": "AWS_Things", "queryString": query, "maxResults": PAGE}
        if token:
            body["nextToken"] = token
        page = signed_request(port, "POST", "/indices/search", body)
        matches += len(page["things"])
        token = page.get("nextToken")
        if not token:
            return matches
