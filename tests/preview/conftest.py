from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

import httpx
import pytest
from starlette.applications import Starlette
from starlette.routing import Route
from starlette.testclient import TestClient

from widgetkit.preview.chatkit_server import PreviewServer, chatkit_endpoint

ORDER_WIDGET = {
    "type": "Card",
    "size": "md",
    "children": [
        {"type": "Title", "value": "Order A-17"},
        {"type": "Text", "id": "total", "value": "Total $42.00"},
        {
            "type": "Button",
            "label": "Pay now",
            "onClickAction": {"type": "order.pay", "payload": {"id": "A-17"}},
        },
    ],
}


@dataclass
class ChatKit:
    """A PreviewServer seeded with ORDER_WIDGET behind the /chatkit endpoint."""

    server: PreviewServer
    client: TestClient
    thread_id: str
    widget: ClassVar[dict[str, Any]] = ORDER_WIDGET

    @staticmethod
    def user_input(text: str, attachments: tuple[str, ...] = ()) -> dict[str, Any]:
        """The `input` ChatKit.js sends for a message typed in the composer."""
        return {
            "content": [{"type": "input_text", "text": text}],
            "quoted_text": "",
            "attachments": list(attachments),
            "inference_options": {},
        }

    @classmethod
    def start(cls, server: PreviewServer | None = None, **options: Any) -> ChatKit:
        server = server or PreviewServer()
        thread_id = server.seed(ORDER_WIDGET, title="Order summary")
        route = Route("/chatkit", chatkit_endpoint(server, **options), methods=["POST"])
        return cls(server, TestClient(Starlette(routes=[route])), thread_id)

    @property
    def seed_item_id(self) -> str:
        return self.server.store.item_ids(self.thread_id)[0]

    def post(self, body: dict[str, Any] | bytes, url: str = "/chatkit") -> httpx.Response:
        if isinstance(body, bytes):
            return self.client.post(url, content=body)
        return self.client.post(url, json=body)

    def events(self, body: dict[str, Any], url: str = "/chatkit") -> list[dict[str, Any]]:
        """POST a streaming request and parse its server-sent events."""
        response = self.post(body, url)
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith("text/event-stream")
        chunks = [chunk for chunk in response.text.split("\n\n") if chunk.strip()]
        assert all(chunk.startswith("data: ") for chunk in chunks)
        return [json.loads(chunk.removeprefix("data: ")) for chunk in chunks]

    def items(self, thread_id: str | None = None, **params: Any) -> dict[str, Any]:
        params["thread_id"] = thread_id or self.thread_id
        response = self.post({"type": "items.list", "params": params})
        assert response.status_code == 200, response.text
        return response.json()

    def say(self, text: str, thread_id: str | None = None) -> list[dict[str, Any]]:
        params = {"thread_id": thread_id or self.thread_id, "input": self.user_input(text)}
        return self.events({"type": "threads.add_user_message", "params": params})

    def assert_intact(self) -> None:
        """The seeded thread still holds exactly its widget, as ChatKit.js would load it."""
        params = {"thread_id": self.thread_id}
        response = self.post({"type": "threads.get_by_id", "params": params})
        assert response.status_code == 200, response.text
        assert [i["widget"] for i in response.json()["items"]["data"]] == [ORDER_WIDGET]


@pytest.fixture
def chatkit() -> ChatKit:
    return ChatKit.start()


@pytest.fixture
def start_chatkit() -> Callable[..., ChatKit]:
    """`ChatKit.start`, for tests that bring their own PreviewServer or endpoint options."""
    return ChatKit.start
