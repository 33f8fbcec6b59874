"""What the citation rules ask of a claim's chain: is this edge there already, and
does one appearance already draw, directly or not, on another.

`StoredEdges` asks the database, one query each. `NewEdges` answers from memory
for a chain that a bulk write builds in one go, where every edge is known; it is
filled as each citation passes the same checks.
"""

from collections import defaultdict
from typing import Protocol

from claims.models import Citation
from claims.selectors.chains import citation_would_close_cycle


class ChainEdges(Protocol):
    def cites(self, citing_id: int, cited_id: int) -> bool: ...

    def draws_on(self, start_id: int, target_id: int) -> bool: ...


class StoredEdges:
    def cites(self, citing_id: int, cited_id: int) -> bool:
        return Citation.objects.current().filter(citing_id=citing_id, cited_id=cited_id).exists()

    def draws_on(self, start_id: int, target_id: int) -> bool:
        return citation_would_close_cycle(citing_id=target_id, cited_id=start_id)


class NewEdges:
    def __init__(self) -> None:
        self._cited: dict[int, set[int]] = defaultdict(set)

    def add(self, citing_id: int, cited_id: int) -> None:
        self._cited[citing_id].add(cited_id)

    def cites(self, citing_id: int, cited_id: int) -> bool:
        return cited_id in self._cited.get(citing_id, ())

    def draws_on(self, start_id: int, target_id: int) -> bool:
        seen, stack = {start_id}, [start_id]
        while stack:
            node = stack.pop()
            if node == target_id:
                return True
            for cited in self._cited.get(node, ()):
                if cited not in seen:
                    seen.add(cited)
                    stack.append(cited)
        return False
