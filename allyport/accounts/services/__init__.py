"""Every change to companies, users and invitations goes through these functions."""
