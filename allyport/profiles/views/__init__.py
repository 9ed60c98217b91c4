"""The profile's pages: Company Profile and its tabs, the program fee, partner terms,
verification, and the Partner Solutions Finder (public and signed in)."""
