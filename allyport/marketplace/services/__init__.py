"""Marketplace changes: linking, mapping, unlinking, seller products and offers."""
