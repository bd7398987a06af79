"""A stylesheet that parses each piece of CSS once while the theme's colours stay the same.

Textual keeps parsed CSS per stylesheet object, and drops it whenever it re-parses (every
`refresh_css`: setting the theme, starting the first mode) or sets the theme's variables,
even to the same values: nctui's first paint parsed app.tcss four times, about 5 ms each.
Parsed rules depend only on the CSS text, where it came from and the variables, so they
are kept here under exactly those, for as long as the variables do not change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.css.stylesheet import Stylesheet

if TYPE_CHECKING:
    from textual.css.model import RuleSet
    from textual.css.types import CSSLocation

_parsed: dict[tuple[object, ...], list[RuleSet]] = {}
_parsed_with: list[tuple[tuple[str, str], ...]] = [()]
"""The variables the rules in `_parsed` were parsed with."""


class ParseOnceStylesheet(Stylesheet):
    """Textual's stylesheet, reusing rules parsed from the same CSS and variables."""

    def _parse_rules(
        self,
        css: str,
        read_from: CSSLocation,
        is_default_rules: bool = False,
        tie_breaker: int = 0,
        scope: str = "",
    ) -> list[RuleSet]:
        variables = tuple(self._variables.items())
        if variables != _parsed_with[0]:
            _parsed.clear()  # a new theme: the old rules are not needed again soon
            _parsed_with[0] = variables
        key = (css, read_from, is_default_rules, tie_breaker, scope)
        rules = _parsed.get(key)
        if rules is None:
            rules = super()._parse_rules(css, read_from, is_default_rules, tie_breaker, scope)
            _parsed[key] = rules
        return rules

    def copy(self) -> Stylesheet:
        """A copy of this stylesheet, of this class."""
        stylesheet = ParseOnceStylesheet(variables=self._variables.copy())
        stylesheet.source = self.source.copy()
        return stylesheet

    def reparse(self) -> None:
        """Parse the sources again with the current variables (as Textual does, in a
        fresh stylesheet of this class, so a mistake in the CSS leaves this one whole)."""
        stylesheet = ParseOnceStylesheet(variables=self._variables)
        for read_from, (css, is_defaults, tie_breaker, scope) in self.source.items():
            stylesheet.add_source(
                css,
                read_from=read_from,
                is_default_css=is_defaults,
                tie_breaker=tie_breaker,
                scope=scope,
            )
        try:
            stylesheet.parse()
        except Exception:
            self._invalid_css.update(stylesheet._invalid_css)
            raise
        self._rules = stylesheet.rules
        self._rules_map = None
        self.source = stylesheet.source
        self._require_parse = False
