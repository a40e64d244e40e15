"""Widgets a model writes whole: a strict schema, repair, feedback and a catalog prompt.

```python
from widgetkit import validate
from widgetkit.llm import catalog_prompt, feedback, from_structured, repair, widget_schema

schema = widget_schema()                  # OpenAI Structured Outputs, strict mode
payload = from_structured(answer)         # the strict answer as widget JSON
fixed, changes = repair(payload)          # safe fixes only, each one recorded
problems = validate(fixed)
if problems:
    retry_with(feedback(problems))        # a compact message for the model
```
"""

from __future__ import annotations

from .feedback import feedback as feedback
from .prompt import catalog_prompt as catalog_prompt
from .repair import Change as Change
from .repair import repair as repair
from .schema import widget_schema as widget_schema
from .structured import from_structured as from_structured
from .structured import to_structured as to_structured
