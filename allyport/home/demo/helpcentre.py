"""Demo help centre (`manage.py load_demo`): the articles of the help centre and the
passages AWS Partner Assistant retrieves, including the demo's support articles,
news, events and resources loaded before it."""

from __future__ import annotations

from allyport.helpcentre.loading import load


def load_helpcentre_demo() -> list[str]:
    report = load()
    articles = len(report.created) + len(report.updated) + len(report.unchanged)
    return [f"Help centre: {articles} articles at /help/, the assistant's passages loaded."]
