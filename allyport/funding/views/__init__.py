"""Funding pages: Funding Benefits (the catalogue) and the Funding Portal
(applications, their files, resources and history, allocations)."""
