"""widgetkit: author OpenAI ChatKit widgets in Python, check them strictly, preview them live.

```python
from widgetkit import Card, Text, validate

card = Card(Text("Hello"))
card.to_json()          # the wire JSON
card.to_chatkit()       # an openai-chatkit widget root for WidgetItem / stream_widget
validate({"type": "Card", "children": []})  # [] : no problems
```
"""

from __future__ import annotations

from .actions import action as action
from .builders import Node as Node
from .components import ActionConfig as ActionConfig
from .components import Alignment as Alignment
from .components import AreaSeries as AreaSeries
from .components import BackgroundColorToken as BackgroundColorToken
from .components import Badge as Badge
from .components import BadgeColor as BadgeColor
from .components import BadgeSize as BadgeSize
from .components import BadgeVariant as BadgeVariant
from .components import BarSeries as BarSeries
from .components import Basic as Basic
from .components import Border as Border
from .components import BorderColorToken as BorderColorToken
from .components import Borders as Borders
from .components import BorderStyle as BorderStyle
from .components import Box as Box
from .components import Button as Button
from .components import ButtonColor as ButtonColor
from .components import ButtonIconSize as ButtonIconSize
from .components import ButtonStyle as ButtonStyle
from .components import Caption as Caption
from .components import CaptionSize as CaptionSize
from .components import Card as Card
from .components import CardAction as CardAction
from .components import CardSize as CardSize
from .components import CellAlign as CellAlign
from .components import Chart as Chart
from .components import ChartColorToken as ChartColorToken
from .components import Checkbox as Checkbox
from .components import Col as Col
from .components import ColSize as ColSize
from .components import ControlSize as ControlSize
from .components import ControlVariant as ControlVariant
from .components import CurveType as CurveType
from .components import DatePicker as DatePicker
from .components import Direction as Direction
from .components import Divider as Divider
from .components import EditableProps as EditableProps
from .components import FontWeight as FontWeight
from .components import Form as Form
from .components import GutterSize as GutterSize
from .components import Handler as Handler
from .components import Icon as Icon
from .components import IconName as IconName
from .components import IconSize as IconSize
from .components import Image as Image
from .components import ImageFit as ImageFit
from .components import ImagePosition as ImagePosition
from .components import Input as Input
from .components import InputType as InputType
from .components import InputVariant as InputVariant
from .components import Justification as Justification
from .components import Label as Label
from .components import LineSeries as LineSeries
from .components import ListLimit as ListLimit
from .components import ListView as ListView
from .components import ListViewItem as ListViewItem
from .components import LoadingBehavior as LoadingBehavior
from .components import Markdown as Markdown
from .components import RadioGroup as RadioGroup
from .components import RadioOption as RadioOption
from .components import RadiusValue as RadiusValue
from .components import Row as Row
from .components import Select as Select
from .components import SelectOption as SelectOption
from .components import Side as Side
from .components import Spacer as Spacer
from .components import Spacing as Spacing
from .components import Table as Table
from .components import TableCell as TableCell
from .components import TableRow as TableRow
from .components import Text as Text
from .components import TextAlign as TextAlign
from .components import Textarea as Textarea
from .components import TextColorToken as TextColorToken
from .components import TextSize as TextSize
from .components import Theme as Theme
from .components import ThemeColor as ThemeColor
from .components import Title as Title
from .components import TitleSize as TitleSize
from .components import Transition as Transition
from .components import WidgetStatus as WidgetStatus
from .components import Wrap as Wrap
from .components import XAxisConfig as XAxisConfig
from .diagnostics import Diagnostic as Diagnostic
from .diagnostics import WidgetError as WidgetError
from .validate import validate as validate
from .widget import Widget as Widget
from .widget import widget as widget

__version__ = "0.1.0"
