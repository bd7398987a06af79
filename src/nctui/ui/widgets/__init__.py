"""Reusable widgets. Widgets post messages; they never read or write the data file."""
