"""Wrong builder code: mypy must flag each marked line."""

from widgetkit import Card, Icon, Text, Title

Title("x", size="6xl")  # error: size
Text("x", weight="heavy")  # error: weight
Icon("not-an-icon", size="huge")  # error: size
Card(Text("x"), size="xxl")  # error: size
Text(42)  # error: value
