"""The command palette's privacy commands, each shown when it can do something."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from nctui.domain.passphrase import check_new_passphrase
from nctui.ui.dialogs.passphrase_task import Answers, Box, PassphraseTask

if TYPE_CHECKING:
    from nctui.coach.privacy import Privacy


Command = tuple[str, str, Callable[[], None]]
"""A palette entry: title, what it does, what runs when chosen."""

NO_RECOVERY = (
    "A forgotten passphrase cannot be recovered, not even by nctui. Export first "
    "(Export my data… in this palette) for a plain copy you control."
)

_NEW = (
    Box("new-passphrase", "New passphrase (8 characters or more; a few words work well)"),
    Box("new-again", "The same again"),
)
_CURRENT = Box("current-passphrase", "Your passphrase")


def _check_new(answers: Answers) -> tuple[str, str] | None:
    problem = check_new_passphrase(answers["new-passphrase"], answers["new-again"])
    if problem is None:
        return None
    mismatch = answers["new-again"].strip() and "same" in problem
    return ("new-again" if mismatch else "new-passphrase", problem)


def _check_current(answers: Answers) -> tuple[str, str] | None:
    if not answers[_CURRENT.id].strip():
        return (_CURRENT.id, "Type your passphrase first.")
    return None


def _minutes(text: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise ValueError("Please type a number of minutes: 10, say, or 0 for never.") from None


def _idle_note(minutes: int) -> str:
    if minutes == 0:
        return "nctui will not lock on its own; the hide key still works."
    return f"nctui locks after {minutes} minute{'' if minutes == 1 else 's'} with no key pressed."


def privacy_commands(
    privacy: Privacy,
    open_task: Callable[[PassphraseTask], None],
    say: Callable[[str], None],
) -> Iterator[Command]:
    """The commands that fit how things are set now."""
    state = privacy.state()
    if not state.lock_set:
        yield (
            "Set a passphrase…",
            "nctui asks for it at start, after a while away, and after the hide key",
            lambda: open_task(_set_task(privacy)),
        )
        return
    yield (
        "Change passphrase…",
        "Type the old one, then the new one twice",
        lambda: open_task(_change_task(privacy)),
    )
    if not state.encrypted:
        yield (
            "Remove passphrase…",
            "nctui stops asking for it",
            lambda: open_task(_remove_task(privacy)),
        )
        yield (
            "Encrypt my data file…",
            "Your file, backups and drafts become unreadable without the passphrase",
            lambda: open_task(_encrypt_task(privacy)),
        )
    else:
        yield (
            "Decrypt my data file…",
            "Your data file becomes plain text again",
            lambda: open_task(_decrypt_task(privacy)),
        )
    minutes = state.idle_minutes
    yield (
        "Lock after N idle minutes…",
        f"Now {minutes} minutes" if minutes else "Now never",
        lambda: open_task(_idle_task(privacy, minutes)),
    )
    ask = state.ask_on_return
    yield (
        f"Ask for the passphrase after hiding: {'on' if ask else 'off'}",
        f"Choose this to turn it {'off' if ask else 'on'}",
        lambda: _toggle_ask(privacy, not ask, say),
    )


def _toggle_ask(privacy: Privacy, ask: bool, say: Callable[[str], None]) -> None:
    privacy.set_ask_on_return(ask)
    say(
        "After the hide key, nctui now asks for your passphrase."
        if ask
        else "After the hide key, any key now brings nctui straight back."
    )


def _set_task(privacy: Privacy) -> PassphraseTask:
    def run(answers: Answers) -> str:
        privacy.set_passphrase(answers["new-passphrase"])
        state = privacy.state()
        back = " and when you come back from F12" if state.ask_on_return else ""
        return f"Your passphrase is set: nctui asks for it when it starts{back}. " + (
            _idle_note(state.idle_minutes)
        )

    return PassphraseTask(
        "Set a passphrase",
        "Asked for at start, after idle minutes and (if you like) after F12. " + NO_RECOVERY,
        _NEW,
        "Set passphrase",
        run,
        _check_new,
    )


def _change_task(privacy: Privacy) -> PassphraseTask:
    def check(answers: Answers) -> tuple[str, str] | None:
        return _check_current(answers) or _check_new(answers)

    def run(answers: Answers) -> str:
        privacy.set_passphrase(answers["new-passphrase"], current=answers[_CURRENT.id])
        return "Your passphrase is changed. Use the new one from now on."

    return PassphraseTask(
        "Change passphrase",
        "Type the one you use now, then the new one twice. " + NO_RECOVERY,
        (_CURRENT, *_NEW),
        "Change passphrase",
        run,
        check,
    )


def _remove_task(privacy: Privacy) -> PassphraseTask:
    def run(answers: Answers) -> str:
        privacy.remove_passphrase(answers[_CURRENT.id])
        return "Your passphrase is removed: nctui no longer asks for it."

    return PassphraseTask(
        "Remove passphrase",
        "nctui will no longer ask for a passphrase, after a while away or after the hide "
        "key. The hide key itself keeps working.",
        (_CURRENT,),
        "Remove passphrase",
        run,
        _check_current,
    )


def _encrypt_task(privacy: Privacy) -> PassphraseTask:
    def run(answers: Answers) -> str:
        left = privacy.encrypt(answers[_CURRENT.id])
        return "Your data file is encrypted. nctui asks for your passphrase when it starts." + (
            _left_sealed(left)
        )

    return PassphraseTask(
        "Encrypt my data file",
        "Your data file, its backups and any unsaved drafts become unreadable without "
        "your passphrase, and nctui asks for it each time it starts. " + NO_RECOVERY,
        (_CURRENT,),
        "Encrypt",
        run,
        _check_current,
        working="Encrypting… this takes a moment.",
    )


def _decrypt_task(privacy: Privacy) -> PassphraseTask:
    def run(answers: Answers) -> str:
        left = privacy.decrypt(answers[_CURRENT.id])
        return "Your data file is plain text again. Your passphrase still locks the app." + (
            _left_sealed(left)
        )

    return PassphraseTask(
        "Decrypt my data file",
        "Your data file and its backups go back to plain text: anyone who can open files "
        "in your account could read them. Your passphrase still locks the app.",
        (_CURRENT,),
        "Decrypt",
        run,
        _check_current,
        working="Decrypting… this takes a moment.",
    )


def _left_sealed(files: list[Path]) -> str:
    # Older backups sealed under an earlier passphrase stay as they are: say so.
    if not files:
        return ""
    one = len(files) == 1
    return (
        f" {len(files)} older cop{'y' if one else 'ies'} beside it stay{'s' if one else ''} "
        "sealed with an earlier passphrase."
    )


def _idle_task(privacy: Privacy, minutes: int) -> PassphraseTask:
    def run(answers: Answers) -> str:
        chosen = _minutes(answers["idle-minutes"])
        privacy.set_idle_minutes(chosen)
        return _idle_note(chosen)

    return PassphraseTask(
        "Lock after idle minutes",
        "After this many minutes with no key pressed or mouse moved, nctui covers the "
        "screen and asks for your passphrase. 0 means never; up to 1440 (a day).",
        (Box("idle-minutes", "Minutes", password=False, value=str(minutes)),),
        "Save",
        run,
        working="Saving…",
    )
