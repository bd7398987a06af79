"""nctui: a calm, private terminal coach for keeping no contact after a breakup."""

__version__ = "0.1.0"
