"""Tools for working on nctui: made-up history for the tests, screenshots and benchmarks.

Not part of the installed package (the wheel holds `nctui` alone): nothing here ever
runs on a person's data.
"""
