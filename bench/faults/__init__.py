"""The fault suite (`make faults`): Allyport on its own PostgreSQL cluster and Redis,
two app servers and two task workers on 127.0.0.1, while a worker is killed, the
database restarts, Redis stops and the mail server is down. See __main__.py."""
