"""IT's email addresses, as the site settings may give them.

A draft's To line goes through the mail library, which reads more into an address
than a person writing one means: it decodes ``=?utf-8?q?...?=`` into a different
address and trips over ``[address literals]`` and quoted names. The settings take
only addresses it carries exactly as written.
"""

from __future__ import annotations

import re

#: An address as a mail program writes it, with nothing it would read as more: a
#: dot-atom before the @ and host names after it. Quoted names, [address literals]
#: and encoded words (=?utf-8?q?...?=, which a mail program decodes into another
#: address) are refused, so an email draft goes to exactly the address written here.
EMAIL = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*"
)
MAX_EMAIL = 254  # the longest address mail servers pass on


def email_problem(address: str) -> str | None:
    """Why *address* cannot go in an email draft's To line; None when it can."""
    if len(address) > MAX_EMAIL:
        return f"is longer than {MAX_EMAIL} characters"
    if not EMAIL.fullmatch(address):
        return "is not an email address (like helpdesk@example.org)"
    if "=?" in address:
        return "holds '=?', which mail programs read as an encoded name"
    return None
