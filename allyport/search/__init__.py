"""Global search: one index of the company's records and the enablement content,
searched from the box in the navigation bar, with the same tenancy and role rules
as the pages the results open."""
