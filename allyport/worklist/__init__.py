"""The guide's partner tasks: the catalogue, recommendations, assignment and completion."""
