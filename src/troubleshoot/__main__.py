"""Allows ``python -m troubleshoot``, which the tests use to run the source tree."""

from troubleshoot.entry import main

raise SystemExit(main())
