"""Allow `python -m nctui`."""

from nctui.cli import main

raise SystemExit(main())
