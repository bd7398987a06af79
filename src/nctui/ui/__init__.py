"""The Textual user interface. Screens talk to the coach (`nctui.coach`), never to storage."""
