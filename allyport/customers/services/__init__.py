"""Customer-account services: payloads are the selling API's structures, as dicts, so
the portal's forms and the API handlers call the same functions."""
