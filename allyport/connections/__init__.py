"""Connections between partner companies (invitations, accept, reject, cancel, preferences) and the
Account API's handlers.
"""
