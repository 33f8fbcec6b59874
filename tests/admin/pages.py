"""Read an admin page the way a browser submits it: every field of a form with its current value."""

from html.parser import HTMLParser

from django.http import HttpResponse


class _FormReader(HTMLParser):
    def __init__(self, form_id: str | None) -> None:
        super().__init__()
        self.form_id = form_id
        self.inside = False
        self.values: dict[str, list[str]] = {}
        self._select: str | None = None
        self._textarea: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k: v or "" for k, v in attrs}
        if tag == "form" and (self.form_id is None or attr.get("id") == self.form_id):
            self.inside = True
        if not self.inside or "__prefix__" in attr.get("name", ""):
            return  # the blank template row an inline copies with JavaScript
        name = attr.get("name")
        if tag == "input" and name and attr.get("type") not in {"submit", "button", "file"}:
            if attr.get("type") in {"checkbox", "radio"} and "checked" not in attr:
                return
            self.values.setdefault(name, []).append(attr.get("value", "on" if attr.get("type") == "checkbox" else ""))
        elif tag == "select" and name:
            self._select = name
            self.values.setdefault(name, [])
        elif tag == "option" and self._select and "selected" in attr:
            self.values[self._select].append(attr.get("value", ""))
        elif tag == "textarea" and name:
            self._textarea, self._text = name, []

    def handle_data(self, data: str) -> None:
        if self._textarea:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea:
            # Browsers drop the one newline that follows <textarea>.
            self.values[self._textarea] = ["".join(self._text).removeprefix("\n")]
            self._textarea = None


def form_data(response: HttpResponse, form_id: str | None = None) -> dict[str, str | list[str]]:
    """The fields of the form (the first one, or the one with this id) as the browser would post them."""
    reader = _FormReader(form_id)
    reader.feed(response.content.decode())
    return {name: values[0] if len(values) == 1 else values for name, values in reader.values.items() if values}


def messages_of(response: HttpResponse) -> list[str]:
    return [str(message) for message in response.context["messages"]] if response.context else []
