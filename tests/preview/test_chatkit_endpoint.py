"""Requests the /chatkit endpoint refuses: each answers 4xx with a message and changes nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from conftest import ChatKit

MESSAGE = {
    "content": [{"type": "input_text", "text": "hi"}],
    "attachments": [],
    "inference_options": {},
}
PAY = {"type": "order.pay"}

MALFORMED: list[tuple[str, dict[str, Any] | bytes, int, str]] = [
    ("not json", b"{not json", 400, "not valid JSON"),
    ("not utf-8", b"\xff\xfe{}", 400, "not valid JSON"),
    ("not an object", b"[1, 2]", 400, "JSON object"),
    ("no type", {"params": {}}, 400, 'no "type"'),
    ("unknown type", {"type": "threads.explode", "params": {}}, 400, '"threads.explode" is not'),
    ("wrong field type", {"type": "threads.list", "params": {"limit": "ten"}}, 422, "params.limit"),
    (
        "bad order",
        {"type": "items.list", "params": {"thread_id": "t", "order": "up"}},
        422,
        "order",
    ),
    ("missing params", {"type": "threads.get_by_id"}, 422, "params: Field required"),
    (
        "message without content",
        {"type": "threads.create", "params": {"input": {"attachments": []}}},
        422,
        "params.input.content: Field required",
    ),
    (
        "content part without type",
        {"type": "threads.create", "params": {"input": {**MESSAGE, "content": [{"text": "hi"}]}}},
        422,
        "params.input.content.0: Unable to extract tag",
    ),
    (
        "content part of unknown type",
        {
            "type": "threads.create",
            "params": {"input": {**MESSAGE, "content": [{"type": "input_gif", "text": "hi"}]}},
        },
        422,
        "'input_gif' found using 'type' does not match",
    ),
    ("negative limit", {"type": "threads.list", "params": {"limit": -1}}, 400, "negative"),
    ("unknown cursor", {"type": "threads.list", "params": {"after": "thr_gone"}}, 404, "thr_gone"),
    (
        "unknown thread",
        {"type": "threads.get_by_id", "params": {"thread_id": "thr_x"}},
        404,
        "thr_x",
    ),
    (
        "unknown thread, message",
        {"type": "threads.add_user_message", "params": {"thread_id": "thr_x", "input": MESSAGE}},
        404,
        'Thread "thr_x" does not exist',
    ),
    (
        "unknown thread, action",
        {"type": "threads.custom_action", "params": {"thread_id": "thr_x", "action": PAY}},
        404,
        'Thread "thr_x" does not exist',
    ),
    (
        "unknown thread, sync action",
        {"type": "threads.sync_custom_action", "params": {"thread_id": "thr_x", "action": PAY}},
        404,
        'Thread "thr_x" does not exist',
    ),
    (
        "unknown attachment",
        {"type": "threads.create", "params": {"input": {**MESSAGE, "attachments": ["atc_9"]}}},
        404,
        "atc_9",
    ),
]


@pytest.mark.parametrize(
    ("case", "body", "status", "message"), MALFORMED, ids=[m[0] for m in MALFORMED]
)
def test_malformed_requests_answer_with_a_message_and_change_nothing(
    chatkit: ChatKit, case: str, body: dict[str, Any] | bytes, status: int, message: str
) -> None:
    response = chatkit.post(body)
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    assert message in response.json()["error"]["message"]
    assert chatkit.server.store.thread_ids() == [chatkit.thread_id]
    chatkit.assert_intact()


def test_actions_naming_a_missing_or_wrong_item_are_refused_before_streaming(
    chatkit: ChatKit,
) -> None:
    user_item = chatkit.say("hi")[0]["item"]["id"]
    before = chatkit.server.store.item_ids(chatkit.thread_id)
    for kind in ("threads.custom_action", "threads.sync_custom_action"):
        for item_id, status, text in (("msg_gone", 404, "msg_gone"), (user_item, 400, "widget")):
            params = {"thread_id": chatkit.thread_id, "item_id": item_id, "action": PAY}
            response = chatkit.post({"type": kind, "params": params})
            assert response.status_code == status, response.text
            assert text in response.json()["error"]["message"]
    assert chatkit.server.store.item_ids(chatkit.thread_id) == before


def test_item_references_are_checked_for_every_request_that_names_one(chatkit: ChatKit) -> None:
    thread_id, seed_item = chatkit.thread_id, chatkit.seed_item_id
    refused = [
        ({"type": "items.list", "params": {"thread_id": thread_id, "after": "msg_gone"}}, 404),
        (
            {
                "type": "threads.retry_after_item",
                "params": {"thread_id": thread_id, "item_id": seed_item},
            },
            400,
        ),
        (
            {
                "type": "threads.retry_after_item",
                "params": {"thread_id": thread_id, "item_id": "m"},
            },
            404,
        ),
        (
            {
                "type": "items.feedback",
                "params": {"thread_id": thread_id, "item_ids": ["m"], "kind": "positive"},
            },
            404,
        ),
        (
            {
                "type": "threads.add_client_tool_output",
                "params": {"thread_id": thread_id, "result": 1},
            },
            400,
        ),
        (
            {
                "type": "threads.add_structured_input",
                "params": {"thread_id": thread_id, "item_id": seed_item, "input": {}},
            },
            400,
        ),
    ]
    for body, status in refused:
        response = chatkit.post(body)
        assert response.status_code == status, (body["type"], response.text)
        assert response.json()["error"]["message"]
    chatkit.assert_intact()


def test_features_the_preview_lacks_answer_not_implemented(chatkit: ChatKit) -> None:
    for body in (
        {
            "type": "attachments.create",
            "params": {"name": "a.png", "size": 1, "mime_type": "image/png"},
        },
        {"type": "attachments.delete", "params": {"attachment_id": "atc_1"}},
        {"type": "input.transcribe", "params": {"audio_base64": "", "mime_type": "audio/webm"}},
    ):
        response = chatkit.post(body)
        assert response.status_code == 501
        assert "preview server does not" in response.json()["error"]["message"]
    chatkit.assert_intact()


def test_bodies_over_the_limit_are_refused(start_chatkit: Callable[..., ChatKit]) -> None:
    chatkit = start_chatkit(max_body_bytes=1000)
    params = {"thread_id": chatkit.thread_id, "input": {**MESSAGE, "quoted_text": "x" * 2000}}
    response = chatkit.post({"type": "threads.add_user_message", "params": params})
    assert response.status_code == 413
    assert "larger than 1000 bytes" in response.json()["error"]["message"]
    chatkit.assert_intact()


def test_the_default_limit_refuses_six_megabytes(chatkit: ChatKit) -> None:
    params = {"thread_id": chatkit.thread_id, "input": {**MESSAGE, "quoted_text": "x" * 6_000_000}}
    response = chatkit.post({"type": "threads.add_user_message", "params": params})
    assert response.status_code == 413
    chatkit.assert_intact()


def test_a_body_without_a_declared_length_is_counted(chatkit: ChatKit) -> None:
    def chunks() -> Any:
        yield b'{"type": "threads.list", "params": {}, "metadata": {"pad": "'
        for _ in range(6):
            yield b"x" * 1_000_000
        yield b'"}}'

    response = chatkit.client.post("/chatkit", content=chunks())
    assert response.status_code == 413
    chatkit.assert_intact()
