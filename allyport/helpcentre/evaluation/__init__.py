"""The assistant's evaluation set (`questions.yaml`) and the runner that scores answers
against it: the tests run a part of it, `bench/assistant.py` all of it."""
