"""Every key action as a command palette entry ("category: action"), and the same list for the help screen.

Actions are read from the bindings active on the screen (so keymap overrides and bindings added by other
screens or features appear without being listed twice): each binding with a group is a command.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode
from textual.screen import Screen


@dataclass(frozen=True, slots=True)
class ScreenAction:
    """One action reachable from a screen: its keys, what it does, and its group."""

    group: str
    description: str
    keys: str
    action: str
    node: DOMNode

    @property
    def title(self) -> str:
        """The palette title, "group: description"."""
        return f"{self.group}: {self.description}"


def screen_actions(screen: Screen) -> tuple[ScreenAction, ...]:
    """The grouped actions active on `screen` (its own, its focused widget's and the app's), keys merged."""
    app = screen.app
    found: dict[tuple[int, str], tuple[list[str], ScreenAction]] = {}
    for active in screen.active_bindings.values():
        binding = active.binding
        if binding.group is None or not binding.description:
            continue
        key = (id(active.node), binding.action)
        entry = found.get(key)
        display = app.get_key_display(binding)
        if entry is None:
            found[key] = (
                [display],
                ScreenAction(binding.group.description, binding.description, "", binding.action, active.node),
            )
        elif display not in entry[0]:
            entry[0].append(display)
    return tuple(
        ScreenAction(a.group, a.description, " ".join(keys), a.action, a.node) for keys, a in found.values()
    )


class ReviewCommands(Provider):
    """Palette commands for every grouped key binding of the current screen."""

    def _actions(self) -> tuple[ScreenAction, ...]:
        return screen_actions(self.screen)

    def _run(self, action: ScreenAction) -> Callable[[], Awaitable[bool]]:
        return partial(self.app.run_action, action.action, action.node)

    async def discover(self) -> Hits:
        for action in self._actions():
            yield DiscoveryHit(action.title, self._run(action), help=f"key: {action.keys}")

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for action in self._actions():
            score = matcher.match(action.title)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(action.title),
                    self._run(action),
                    text=action.title,
                    help=f"key: {action.keys}",
                )
