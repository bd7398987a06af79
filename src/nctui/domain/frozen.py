"""Frozen value classes for the modules `nctui status` loads, without `dataclasses`.

`dataclasses` imports `inspect`, `ast`, `dis` and `tokenize`: about 6 ms, most of the
status line's budget in a shell prompt. `frozen` makes the same kind of class (an
`__init__` taking the fields in order or by name, defaults, equality, hashing, a
readable repr, no assignment after creation) from the class's own annotations.
Type checkers read it as a frozen dataclass.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, TypeVar, dataclass_transform

    T = TypeVar("T")
else:

    def dataclass_transform(**_options: object) -> object:
        """Only for type checkers: at run time the decorator is left as it is."""
        return lambda decorated: decorated


_MISSING = object()
_FIELDS = "_frozen_fields"


@dataclass_transform(frozen_default=True)
def frozen(cls: type[T]) -> type[T]:
    """Make `cls` a frozen value class of the fields it annotates, in order."""
    # Not inspect.get_annotations: inspect is what this module avoids loading.
    names = tuple(cls.__dict__.get("__annotations__", {}))  # noqa: RUF063
    defaults = {name: cls.__dict__[name] for name in names if name in cls.__dict__}
    for name in defaults:
        delattr(cls, name)  # instances carry every field themselves

    def __init__(self: object, *args: object, **kwargs: object) -> None:
        if len(args) > len(names):
            raise TypeError(f"{cls.__name__} takes {len(names)} fields, not {len(args)}")
        values = dict(zip(names, args, strict=False))
        for name, value in kwargs.items():
            if name not in names or name in values:
                raise TypeError(f"{cls.__name__}: unexpected or repeated field {name!r}")
            values[name] = value
        for name in names:
            value = values.get(name, defaults.get(name, _MISSING))
            if value is _MISSING:
                raise TypeError(f"{cls.__name__}: missing field {name!r}")
            object.__setattr__(self, name, value)

    def _fields(self: object) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in names)

    def __eq__(self: object, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return _fields(self) == _fields(other)

    def __hash__(self: object) -> int:
        return hash(_fields(self))

    def __repr__(self: object) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{cls.__qualname__}({shown})"

    def __setattr__(self: object, name: str, value: object) -> None:
        raise AttributeError(f"{cls.__name__} is frozen: cannot set {name!r}")

    def __delattr__(self: object, name: str) -> None:
        raise AttributeError(f"{cls.__name__} is frozen: cannot delete {name!r}")

    made: dict[str, Callable[..., Any]] = {
        "__init__": __init__,
        "__eq__": __eq__,
        "__hash__": __hash__,
        "__repr__": __repr__,
        "__setattr__": __setattr__,
        "__delattr__": __delattr__,
    }
    for attribute, function in made.items():
        function.__qualname__ = f"{cls.__qualname__}.{attribute}"
        setattr(cls, attribute, function)
    for attribute in ("__match_args__", _FIELDS):
        setattr(cls, attribute, names)
    return cls


def replace(record: T, **changes: Any) -> T:
    """A copy of a `frozen` record with some fields changed."""
    names: tuple[str, ...] = getattr(record, _FIELDS)
    values = {name: getattr(record, name) for name in names}
    for name in changes:
        if name not in values:
            raise TypeError(f"{type(record).__name__} has no field {name!r}")
    values.update(changes)
    return type(record)(**values)
