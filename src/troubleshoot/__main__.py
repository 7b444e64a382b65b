"""Allows ``python -m troubleshoot``, which the tests use to run the source tree."""

from troubleshoot.cli import main

raise SystemExit(main())
