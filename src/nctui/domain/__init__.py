"""Pure rules of nctui: no user interface, no database.

Everything here takes plain values (including "now") and returns plain values, so it
can be tested without a terminal or a data file.
"""
