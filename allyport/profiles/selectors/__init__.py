"""The profile's read side. Reads for a page or an API call are scoped to the actor's
company (`partner_for`); the finder's reads are public and show only listings."""
