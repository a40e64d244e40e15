"""Shopping: an order confirmation with confirm/cancel, and a product card that adds to a cart.

Product shots are the gallery's SVGs under `/gallery-assets/` (served by the preview).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, validate_call

from widgetkit import (
    Badge,
    BadgeColor,
    Button,
    Caption,
    Card,
    Col,
    Divider,
    Icon,
    Image,
    Row,
    Spacer,
    Text,
    Title,
    action,
    widget,
)
from widgetkit.handlers import ActionRouter, Notice, Reply

from ._common import asset

actions = ActionRouter()

OrderState = Literal["pending", "confirmed", "cancelled"]


class Item(BaseModel):
    name: str
    qty: int
    price: float
    image: str | None = None


class Order(BaseModel):
    id: str
    items: list[Item]
    shipping: float = 0.0
    address: str

    @property
    def total(self) -> float:
        return sum(i.qty * i.price for i in self.items) + self.shipping


class OrderRef(BaseModel):
    order: Order


@actions.on("order.confirm")
def confirm(payload: OrderRef) -> Card:
    """Confirming collapses the card under a success status: the decision is done."""
    return order_confirmation(payload.order, "confirmed")


@actions.on("order.cancel")
def cancel(payload: OrderRef) -> Card:
    return order_confirmation(payload.order, "cancelled")


BADGES: dict[OrderState, BadgeColor] = {
    "pending": "warning",
    "confirmed": "success",
    "cancelled": "danger",
}


def price(amount: float) -> str:
    return f"${amount:,.2f}"


ORDER = {
    "id": "A-1017",
    "address": "12 Harbour Street, Lisbon",
    "shipping": 4.5,
    "items": [
        {"name": "Studio headphones", "qty": 1, "price": 129.0, "image": "product-headphones.svg"},
        {"name": "Teal mug", "qty": 2, "price": 14.0, "image": "product-mug.svg"},
    ],
}


@widget(
    samples={
        "pending": {"order": ORDER, "state": "pending"},
        "confirmed": {"order": ORDER, "state": "confirmed"},
        "cancelled": {"order": ORDER, "state": "cancelled"},
        "many items": {
            "order": {
                **ORDER,
                "items": [
                    {"name": f"Sticker pack #{n}", "qty": n, "price": 3.5} for n in range(1, 9)
                ],
            },
            "state": "pending",
        },
    },
    title="Order confirmation",
)
@validate_call
def order_confirmation(order: Order, state: OrderState = "pending") -> Card:
    """Review an order, then confirm or cancel it from the card's footer."""
    lines = [
        Row(
            Image(asset(item.image), alt=item.name, size=40, radius="md", frame=True)
            if item.image
            else Icon("cube", size="xl", color="tertiary"),
            Col(Text(item.name, weight="medium", truncate=True), Caption(f"Qty {item.qty}"), gap=0),
            Spacer(),
            Text(price(item.qty * item.price)),
            gap=3,
            align="center",
            key=f"item-{n}",
        )
        for n, item in enumerate(order.items)
    ]
    ref = {"order": order.model_dump(mode="json")}
    pending = state == "pending"
    return Card(
        Row(
            Title(f"Order {order.id}", size="sm"),
            Spacer(),
            Badge(
                state.capitalize(),
                color=BADGES[state],
            ),
        ),
        *lines,
        Divider(),
        Row(Caption("Shipping"), Spacer(), Text(price(order.shipping), size="sm")),
        Row(Text("Total", weight="semibold"), Spacer(), Text(price(order.total), weight="bold")),
        Row(Icon("map-pin", color="secondary"), Caption(order.address), gap=1),
        size="md",
        collapsed=not pending,
        status=None
        if pending
        else {
            "text": "Order confirmed" if state == "confirmed" else "Order cancelled",
            "icon": "check-circle-filled" if state == "confirmed" else "empty-circle",
        },
        confirm={"label": "Place order", "action": action("order.confirm", ref)}
        if pending
        else None,
        cancel={"label": "Cancel", "action": action("order.cancel", ref)} if pending else None,
    )


class Product(BaseModel):
    sku: str
    name: str
    price: float
    image: str
    rating: float
    stock: int


class AddToCart(BaseModel):
    sku: str
    name: str
    price: float


@actions.on("cart.add")
def add_to_cart(payload: AddToCart) -> Reply:
    """Adding answers with a new cart item below the product, as a shop assistant would."""
    return Reply(
        Card(
            Row(
                Icon("check-circle", color="success"),
                Text(f"{payload.name} is in your cart"),
                gap=2,
            ),
            Row(Caption("Subtotal"), Spacer(), Text(price(payload.price), weight="semibold")),
            size="sm",
            status={"text": "Cart", "icon": "suitcase"},
        )
    )


@actions.on("cart.notify")
def notify(payload: AddToCart) -> Notice:
    return Notice(f"We'll tell you when {payload.name} is back.", level="info")


HEADPHONES = {
    "sku": "HP-200",
    "name": "Studio headphones",
    "price": 129.0,
    "image": "product-headphones.svg",
    "rating": 4.6,
    "stock": 12,
}


@widget(
    samples={
        "in stock": {"product": HEADPHONES},
        "sold out": {
            "product": {
                **HEADPHONES,
                "sku": "SN-9",
                "name": "Coral running sneakers",
                "image": "product-sneaker.svg",
                "price": 89.0,
                "stock": 0,
            }
        },
    },
    title="Product card",
)
@validate_call
def product_card(product: Product) -> Card:
    """A product with its picture, rating and stock, and one clear next step."""
    ref = {"sku": product.sku, "name": product.name, "price": product.price}
    stars = [
        Icon("star-filled" if n < round(product.rating) else "star", size="sm", color="warning")
        for n in range(5)
    ]
    in_stock = product.stock > 0
    return Card(
        Image(
            asset(product.image),
            alt=product.name,
            aspectRatio=4 / 3,
            fit="contain",
            radius="lg",
            background="surface-secondary",
        ),
        Title(product.name, size="md"),
        Row(*stars, Caption(f"{product.rating:.1f}"), gap=1, align="center"),
        Row(
            Title(price(product.price), size="lg"),
            Spacer(),
            Badge(
                f"{product.stock} left" if in_stock else "Sold out",
                color="success" if in_stock else "danger",
                variant="outline",
            ),
        ),
        Button(
            "Add to cart",
            iconStart="plus",
            block=True,
            color="primary",
            onClickAction=action("cart.add", ref),
        )
        if in_stock
        else Button(
            "Notify me",
            iconStart="mail",
            block=True,
            variant="outline",
            onClickAction=action("cart.notify", ref),
        ),
        size="sm",
    )
