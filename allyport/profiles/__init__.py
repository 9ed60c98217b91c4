"""Company Profile and its tabs, My Domains, paths and stages, the program fee, partner terms, the
public Partner Solutions Finder, and the Account API's partner records.
"""
