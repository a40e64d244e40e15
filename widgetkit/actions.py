"""Action configs: what a widget sends back when someone clicks, submits or changes a field."""

from __future__ import annotations

from typing import Any, Literal

from .builders import plain
from .components import ActionConfig


def action(
    type: str,
    payload: Any = None,
    *,
    handler: Literal["client", "server"] | None = None,
    loading_behavior: Literal["auto", "none", "self", "container"] | None = None,
    streaming: bool | None = None,
) -> ActionConfig:
    """An action config for `onClickAction=`, `onSubmitAction=`, `onChangeAction=` or a card's
    confirm/cancel. Only what you pass is written, so the JSON stays as small as ChatKit's own.

    >>> action("order.pay", {"id": "A-17"}, loading_behavior="self")
    {'type': 'order.pay', 'payload': {'id': 'A-17'}, 'loadingBehavior': 'self'}

    `streaming=False` sends the action to the server's `sync_action()`; `handler="client"` sends it
    to the page's `widgets.onAction` instead of the server. A pydantic model as payload is dumped
    to JSON.
    """
    config: ActionConfig = {"type": type}
    if payload is not None:
        config["payload"] = plain(payload)
    if handler is not None:
        config["handler"] = handler
    if loading_behavior is not None:
        config["loadingBehavior"] = loading_behavior
    if streaming is not None:
        config["streaming"] = streaming
    return config
