"""The optional generator against a real HTTP server on 127.0.0.1 that speaks the
chat-completions protocol."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from django.test import override_settings

from allyport.helpcentre.services.answers import answer

pytestmark = pytest.mark.django_db
QUESTION = "How do I enroll in a path?"


class Stub:
    def __init__(self) -> None:
        self.reply = ""
        self.status = 200
        self.delay = 0.0
        self.requests: list[dict[str, Any]] = []


@pytest.fixture
def stub() -> Iterator[tuple[Stub, str]]:
    state = Stub()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - http.server's name
            length = int(self.headers["Content-Length"])
            state.requests.append(
                {"path": self.path, "auth": self.headers.get("Authorization"),
                 "body": json.loads(self.rfile.read(length))}
            )  # fmt: skip
            time.sleep(state.delay)
            payload = {"choices": [{"message": {"role": "assistant", "content": state.reply}}]}
            body = json.dumps(payload).encode()
            self.send_response(state.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    with override_settings(
        ALLYPORT_ASSISTANT_GENERATOR_URL=url,
        ALLYPORT_ASSISTANT_GENERATOR_MODEL="small",
        ALLYPORT_ASSISTANT_GENERATOR_KEY="k-123",
        ALLYPORT_ASSISTANT_GENERATOR_TIMEOUT=1,
    ):
        yield state, url
    server.shutdown()
    server.server_close()


def test_generator_answer_is_used_when_it_cites_retrieved_passages(loaded, member_actor, stub):
    state, _ = stub
    state.reply = "Open Company Profile, list your products, then choose Enroll [1]."
    reply = answer(member_actor, QUESTION)
    assert reply.kind == "answer"
    assert reply.text == "Open Company Profile, list your products, then choose Enroll."
    assert reply.citations[0].url == "/help/paths-and-stages/#enroll"
    sent = state.requests[0]
    assert sent["path"] == "/v1/chat/completions" and sent["auth"] == "Bearer k-123"
    prompt = sent["body"]["messages"][1]["content"]
    assert "[1] Partner paths and stages — Enroll in a path" in prompt
    assert sent["body"]["model"] == "small"


@pytest.mark.parametrize(
    ("reply", "status", "delay"),
    [
        ("You can enroll from the Products & Services tab.", 200, 0.0),  # cites nothing
        ("Choose Enroll [7].", 200, 0.0),  # cites a passage it was not given
        ("", 500, 0.0),  # error
        ("Choose Enroll [1].", 200, 1.5),  # timeout (1 s)
    ],
)
def test_generator_is_refused_and_the_extractive_answer_shown(
    loaded, member_actor, stub, reply, status, delay
):
    state, _ = stub
    state.reply, state.status, state.delay = reply, status, delay
    shown = answer(member_actor, QUESTION)
    assert shown.kind == "answer"
    assert shown.text.startswith("1. Open My Company > Company Profile")
    assert shown.citations[0].url == "/help/paths-and-stages/#enroll"


def test_generator_is_not_asked_to_act_nor_given_secrets(loaded, member_actor, stub):
    state, _ = stub
    state.reply = "Done, I enrolled you [1]."
    declined = answer(member_actor, "Enroll us in the Software path.")
    assert declined.kind == "action_declined" and state.requests == []
    answer(member_actor, "My password: Hunter2!x does not work, how do I reset my password?")
    assert "Hunter2" not in json.dumps(state.requests)
