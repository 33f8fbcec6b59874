"""The republication graph for a right-to-left page: the same drawing, mirrored.

Time runs the way the page reads, so in Arabic and Persian the first appearance is on the
right and arrows point left. Mirroring the finished layout (x becomes width - x) rather than
laying it out twice keeps one placement algorithm; the words are not mirrored, only where
they stand (the template anchors them at their box's right edge).
"""

import re
from dataclasses import replace

from claims.web.graph import NODE_W, GraphLayout

_POINT = re.compile(r"(-?\d+),(-?\d+)")


def _flip_path(path: str, width: int) -> str:
    return _POINT.sub(lambda m: f"{width - int(m.group(1))},{m.group(2)}", path)


def mirrored(layout: GraphLayout) -> GraphLayout:
    """The layout for a right-to-left reader: every x measured from the other side."""
    width = layout.width
    return replace(
        layout,
        rtl=True,
        nodes=[replace(node, x=width - node.x - NODE_W) for node in layout.nodes],
        edges=[replace(edge, path=_flip_path(edge.path, width), label_x=width - edge.label_x) for edge in layout.edges],
        dates=[replace(mark, x=width - mark.x) for mark in layout.dates],
    )
