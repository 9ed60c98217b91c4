"""The help centre: articles kept as data, the passages the Partner Assistant
retrieves and the answers it composes."""
