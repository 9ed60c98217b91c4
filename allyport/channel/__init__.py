"""Channel management: program management accounts, handshakes, relationships, contracts, and the
Channel API.
"""
