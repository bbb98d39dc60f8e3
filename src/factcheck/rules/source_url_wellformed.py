"""source-url-wellformed: a source link is an http or https address with a host.

Reports make a claim's URL clickable, so only web addresses are accepted: `http://` or `https://`, then a
host with a dot, then an optional path, query or fragment, with no spaces. Other schemes (`javascript:`,
`data:`, `file:`) are never linked, and a URL without a scheme is a copy-paste slip. The suite runs
`expect_column_values_to_match_regex` on `url`, matched by RE2 (in linear time) like every regex of a suite.
"""

from __future__ import annotations

ID = "source-url-wellformed"
SEVERITY = "critical"
TITLE = "Link is a web address"
EXPLAIN = (
    "Only http and https links with a host are accepted; other schemes (javascript:, data:, file:) are never linked."
)
MESSAGE = "the source URL {url} is not an http(s) web address"
SUITE = "source-attribution"
PASSES = """\
- {id: a, value: 55000, as_of: 2026-02, source: {outlet: France 2, url: "https://www.francetvinfo.fr/"}}
"""
FAILS = """\
- {id: a, value: 55000, as_of: 2026-02, source: {outlet: France 2, url: "javascript:alert(1)"}}
"""
