"""The frozen value classes the period and its runs are made of."""

from __future__ import annotations

import pytest

from nctui.domain.frozen import frozen, replace


@frozen
class Point:
    """A test record."""

    x: int
    y: int = 0


def test_fields_in_order_by_name_and_by_default() -> None:
    assert Point(1, 2) == Point(x=1, y=2)
    assert Point(1) == Point(1, 0)
    assert Point(1, 2) != Point(2, 1)
    assert repr(Point(1, 2)) == "Point(x=1, y=2)"
    assert len({Point(1, 2), Point(1, 2), Point(3)}) == 2


def test_wrong_fields_are_refused_and_records_never_change() -> None:
    with pytest.raises(TypeError):
        Point()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Point(1, 2, 3)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Point(1, x=2)  # type: ignore[misc]
    point = Point(1, 2)
    with pytest.raises(AttributeError):
        point.x = 5  # type: ignore[misc]
    assert replace(point, y=7) == Point(1, 7)
    assert point == Point(1, 2)
    with pytest.raises(TypeError):
        replace(point, z=1)
