"""Tables: header rows, spans and alignment, and an invoice.

Table is defined by ChatKit.js only; openai-chatkit's Python models lack it, so
`validate(..., runtime="python")` warns about these widgets. That is expected.
"""

from __future__ import annotations

from typing import get_args

from pydantic import BaseModel, validate_call

from widgetkit import (
    Badge,
    Button,
    Caption,
    Card,
    CellAlign,
    Col,
    ColSize,
    Divider,
    Row,
    Spacer,
    Table,
    Text,
    Title,
    action,
    widget,
)
from widgetkit.handlers import ActionFailed, ActionRouter, Notice

actions = ActionRouter()

Cell = Table.Cell


@widget(
    samples={"plain": {"striped": False}, "with footer": {"striped": True}},
    title="Table layout",
)
def table_layout(striped: bool) -> Card:
    """A header row, column sizes, alignment, spans and per-edge padding."""
    header = Table.Row(
        *(
            Cell(Text(f"colSize {size}", weight="semibold", size="sm"), colSize=size)
            for size in get_args(ColSize)
        ),
        header=True,
    )
    aligned = Table.Row(
        *(Cell(Caption(f"align {a}"), align=a, vAlign=a) for a in get_args(CellAlign)),
        Cell(Text("rowSpan 2"), rowSpan=2, vAlign="center", padding={"x": 2}),
        Cell(Text("fixed 80px"), width=80),
    )
    spanning = Table.Row(
        Cell(Text("colSpan 3: one cell across three columns"), colSpan=3),
        Cell(Text("last"), align="end"),
    )
    rows = [header, aligned, spanning]
    if striped:
        rows.append(
            Table.Row(
                Cell(Text("Footer", weight="bold"), colSpan=5, padding={"top": 2, "bottom": 2})
            )
        )
    return Card(Title("Table", size="sm"), Table(*rows), size="lg")


class Line(BaseModel):
    item: str
    qty: int
    price: float


class Invoice(BaseModel):
    number: str
    customer: str
    due: str
    lines: list[Line]
    paid: bool = False

    @property
    def total(self) -> float:
        return sum(line.qty * line.price for line in self.lines)


class InvoiceRef(BaseModel):
    invoice: Invoice


@actions.on("invoice.pay")
def pay(payload: InvoiceRef) -> Card:
    """Mark the invoice paid: the card collapses under a success status."""
    if not payload.invoice.lines:
        raise ActionFailed("There is nothing to pay on an empty invoice.")
    return invoice(payload.invoice.model_copy(update={"paid": True}))


@actions.on("invoice.download")
def download(payload: InvoiceRef) -> Notice:
    return Notice(f"Invoice {payload.invoice.number} will download as a PDF.")


def money(amount: float) -> str:
    return f"${amount:,.2f}"


@widget(
    samples={
        "due": {
            "invoice": {
                "number": "INV-0042",
                "customer": "Northwind Ltd",
                "due": "2025-04-30",
                "lines": [
                    {"item": "Design sprint", "qty": 1, "price": 4800},
                    {"item": "Prototype hours", "qty": 12, "price": 95},
                    {"item": "Hosting (annual)", "qty": 1, "price": 240},
                ],
            }
        },
        "paid": {
            "invoice": {
                "number": "INV-0041",
                "customer": "Contoso",
                "due": "2025-03-31",
                "lines": [{"item": "Support plan", "qty": 3, "price": 150}],
                "paid": True,
            }
        },
        "empty": {
            "invoice": {
                "number": "INV-0043",
                "customer": "Fabrikam",
                "due": "2025-05-31",
                "lines": [],
            }
        },
    },
    title="Invoice",
)
@validate_call
def invoice(invoice: Invoice) -> Card:
    """An invoice table with a header row, right-aligned numbers and a spanning total row."""
    head = Table.Row(
        Cell(Caption("Item"), colSize="lg"),
        Cell(Caption("Qty"), align="end", colSize="xs"),
        Cell(Caption("Price"), align="end"),
        Cell(Caption("Amount"), align="end"),
        header=True,
    )
    lines = [
        Table.Row(
            Cell(Text(line.item, size="sm")),
            Cell(Text(str(line.qty), size="sm"), align="end"),
            Cell(Text(money(line.price), size="sm"), align="end"),
            Cell(Text(money(line.qty * line.price), size="sm"), align="end"),
            key=f"line-{i}",
        )
        for i, line in enumerate(invoice.lines)
    ] or [Table.Row(Cell(Caption("No lines yet"), colSpan=4))]
    total = Table.Row(
        Cell(Text("Total", weight="semibold"), colSpan=3),
        Cell(Text(money(invoice.total), weight="bold"), align="end"),
    )
    ref = {"invoice": invoice.model_dump(mode="json")}
    return Card(
        Row(
            Col(Title(f"Invoice {invoice.number}", size="sm"), Caption(invoice.customer)),
            Spacer(),
            Badge(
                "Paid" if invoice.paid else f"Due {invoice.due}",
                color="success" if invoice.paid else "warning",
            ),
        ),
        Table(head, *lines, total),
        Divider(),
        Row(
            Button(
                "Download",
                variant="outline",
                iconStart="document",
                onClickAction=action("invoice.download", ref),
            ),
            Spacer(),
            Button(
                f"Pay {money(invoice.total)}",
                color="primary",
                disabled=invoice.paid,
                onClickAction=action("invoice.pay", ref, loading_behavior="self"),
            ),
        ),
        size="md",
        collapsed=invoice.paid,
        status={"text": "Paid, thank you", "icon": "check-circle-filled"} if invoice.paid else None,
    )
