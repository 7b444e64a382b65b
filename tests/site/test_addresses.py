"""IT addresses: the settings take only what an email draft carries exactly as written."""

from __future__ import annotations

import functools

from hypothesis import given, settings
from hypothesis import strategies as st

from troubleshoot.handoff.content import HandOff
from troubleshoot.site import config
from troubleshoot.site.addresses import email_problem

ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]{1,6}"
#: Parts of addresses: many that fit the rule, and many that almost do.
LOCAL = st.from_regex(rf"{ATOM}(\.{ATOM}){{0,2}}", fullmatch=True) | st.text(
    st.sampled_from("abcXYZ019.!#$%&'*+/=?^_`{|}~-[]\"@ ()<>,;:\\"), min_size=1, max_size=12
)
DOMAIN = st.from_regex(
    r"[a-zA-Z0-9]([a-zA-Z0-9-]{0,4}[a-zA-Z0-9])?(\.[a-z0-9]{1,5}){0,2}", fullmatch=True
) | st.text(st.sampled_from('abcXYZ019.-[]"=? '), min_size=1, max_size=12)


@functools.cache
def escalated_note() -> HandOff:
    from tests.handoff.test_deliver import escalated

    return escalated()


@settings(max_examples=150, deadline=None)
@given(local=LOCAL, domain=DOMAIN)
def test_every_address_the_settings_accept_goes_into_a_draft_exactly_as_written(
    local: str, domain: str
) -> None:
    from troubleshoot.handoff import deliver

    address = f"{local}@{domain}"
    if email_problem(address) is not None:
        return
    settings = config.Settings(it=(config.Contact("IT", email=address),))
    draft = deliver.email_draft(escalated_note(), settings)
    assert draft["To"] == address
    assert f"To: {address}\r\n".encode() in bytes(draft)
