"""The Textual user interface. Screens read through the repository and never touch the file."""
