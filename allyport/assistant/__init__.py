"""The AWS Partner Assistant: the chat panel and page, conversations, feedback,
the company opt-out and the staff report."""
