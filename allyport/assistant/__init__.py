"""The AWS Partner Assistant: the chat panel, conversations, feedback, the company opt-out and staff reports."""
