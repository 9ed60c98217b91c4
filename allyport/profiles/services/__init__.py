"""The profile's write side: every change authorizes, runs in a transaction and writes
its audit record there, whoever calls (member, IAM principal, staff, system, job)."""
