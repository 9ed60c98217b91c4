"""The support centre's changes (each authorized and audited): cases, replies and
their files, staff's assignment and notes, help articles and the case lists."""

from allyport.support.services.cases import (
    MAX_BODY,
    SUPPORT_SOURCE,
    NewCase,
    add_message,
    case_resolved,
    create_case,
    open_case,
    reopen_case,
    resolve_case,
    take_lockout_contact,
)
from allyport.support.services.help import rate_article, save_article, save_topic
from allyport.support.services.staff import add_note, assign_case

__all__ = [
    "MAX_BODY",
    "SUPPORT_SOURCE",
    "NewCase",
    "add_message",
    "add_note",
    "assign_case",
    "case_resolved",
    "create_case",
    "open_case",
    "rate_article",
    "reopen_case",
    "resolve_case",
    "save_article",
    "save_topic",
    "take_lockout_contact",
]
