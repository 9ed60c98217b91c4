"""The write side of connections: invitations, connections, preferences, the Account
API's tags. Each service authorizes its caller first and records its change."""
