"""Funding benefits, benefit applications and allocations, and the Benefits API."""
