"""Today's card on the dashboard: one line folded, the whole card opened with a key."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from nctui.domain.cards import ASK_LABEL, DO_LABEL, FEEL_LABEL, Card

CARD_KEY = "k"


def card_table(card: Card) -> Table:
    """The whole card: each part under its label, wrapped text lined up."""
    table = Table.grid(padding=(0, 1), expand=True)
    table.add_column(no_wrap=True, style="bold")
    table.add_column(ratio=1)
    for label, words in ((FEEL_LABEL, card.feel), (DO_LABEL, card.do), (ASK_LABEL, card.ask)):
        table.add_row(label, Text(words))
    return table


class DayCard(Static):
    """A card given by the screen (`show`); `expanded` shows it whole."""

    DEFAULT_CSS = """
    DayCard {
        width: 100%;
        height: auto;
        padding: 0 1;
        background: $surface;
        border: round $accent 50%;
        border-title-color: $accent;
        border-title-style: bold;
        border-subtitle-color: $text-muted;
    }
    DayCard.-folded {
        /* One line folded: the rest of the dashboard stays in view at 80x24. */
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    expanded: reactive[bool] = reactive(False)
    """Whether the whole card shows, or only what to do today."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, classes="-folded")
        self._card: Card | None = None

    def show(self, card: Card) -> None:
        """Show `card` (redrawn only when it is another one)."""
        if card == self._card:
            return
        self._card = card
        self._draw()

    @property
    def card(self) -> Card | None:
        """The card on show."""
        return self._card

    def watch_expanded(self) -> None:
        """Fold or open the card."""
        self.set_class(not self.expanded, "-folded")
        self._draw()

    def _draw(self) -> None:
        card = self._card
        if card is None:
            return
        self.border_title = f"Today's card · {card.title}"
        if self.expanded:
            self.border_subtitle = f"{CARD_KEY} folds it · j to write about it"
            self.update(card_table(card))
        else:
            self.border_subtitle = f"{CARD_KEY} the whole card"
            self.update(Text.assemble((f"{DO_LABEL}: ", "bold"), card.do))
