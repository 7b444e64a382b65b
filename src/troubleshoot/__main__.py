"""Allows ``python -m troubleshoot``, which the tests use to run the source tree."""

from troubleshoot.cli.entry import main

raise SystemExit(main())
