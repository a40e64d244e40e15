"""Correct builder code: mypy must accept it."""

from widgetkit import Badge, Button, Card, Row, Spacer, Text, Title, action

card = Card(
    Row(Title("Order", size="2xl"), Spacer(), Badge("Paid", color="success")),
    Text("Total", weight="semibold", color="secondary"),
    Button("Pay", onClickAction=action("pay", {"id": 1}, loading_behavior="self"), style="primary"),
    size="md",
    padding={"x": 4},
)
text: str = card.to_json()
