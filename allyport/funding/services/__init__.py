"""Funding's write and read services. Each takes the Actor first, asks
`access.decisions.authorize` (through `funding.scope.require_funding`) with the
operation's Permission before it looks anything up, and writes its audit record in
the same transaction. Payloads use the Benefits API's member names, so the pages and
the API share one set of rules."""
