"""AWS Partner Assistant in the browser: the floating icon opens the panel from the
keyboard, a suggested prompt is answered with its source as a link, the conversation
is still there on the next page, Escape closes the panel, and a refused question is
announced."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from allyport.assistant.models import CompanySetting
from allyport.helpcentre import retrieval
from allyport.helpcentre.loading import load
from allyport.helpcentre.services import answers
from allyport.marketplace.services.linking import link_for_operator
from allyport.testing import make_company
from e2e.helpers import sign_in

pytestmark = pytest.mark.browser


def test_panel_from_the_keyboard_prompt_answer_next_page_escape(page: Page) -> None:
    retrieval.reset()  # the ranking's in-process index, built again from these articles
    load()
    company, _lead = make_company("Octank Ltd", domain="octank.example")
    link_for_operator(company)
    sign_in(page, "lead@octank.example")
    page.goto("/support/")
    launcher = page.locator("#assistant-launcher")
    launcher.focus()
    page.keyboard.press("Enter")
    panel = page.get_by_role("dialog", name="AWS Partner Assistant")
    expect(panel).to_be_visible()
    expect(launcher).to_have_attribute("aria-expanded", "true")
    question = panel.get_by_label("Ask a question")
    expect(question).to_be_focused()

    prompt = str(answers.SUGGESTED_PROMPTS[0])
    panel.get_by_role("button", name=prompt).click()
    log = panel.locator("ol.assistant-log")
    expect(log).to_have_attribute("aria-live", "polite")
    expect(log.locator(".assistant-question-text")).to_contain_text(prompt)
    source = log.locator(".assistant-sources a").first
    expect(source).to_be_visible()
    expect(source).to_have_attribute("href", re.compile(r"^/help/.+#.+"))
    expect(question).to_be_focused()
    # Thumbs down asks why, with the reason picklist focused.
    panel.get_by_role("button", name="Thumbs Down").click()
    expect(panel.get_by_label("Reason")).to_be_focused()

    page.goto("/")
    panel = page.get_by_role("dialog", name="AWS Partner Assistant")
    expect(panel).to_be_visible()  # it stays open from page to page
    expect(panel.locator("ol.assistant-log")).to_contain_text(prompt)
    expect(panel.locator(".assistant-sources a").first).to_be_visible()

    panel.get_by_label("Ask a question").focus()
    page.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    expect(page.locator("#assistant-launcher")).to_be_focused()
    expect(page.locator("#assistant-launcher")).to_have_attribute("aria-expanded", "false")

    # Turned off meanwhile: the next question is refused and the panel says why.
    CompanySetting.objects.create(company=company, enabled=False)
    page.keyboard.press("Enter")
    expect(panel).to_be_visible()
    panel.get_by_label("Ask a question").fill("How do I submit an opportunity?")
    page.keyboard.press("Enter")
    expect(panel.locator("p.reason")).to_contain_text(
        "AWS Partner Assistant is turned off for your company."
    )
    expect(panel).not_to_contain_text("isn't responding")
