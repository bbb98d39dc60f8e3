"""Names of a subject in another role than what a figure counts (prose.roles): an origin, an attacker, the
seat of the authorities who speak. Each is passed over for the figure's subject; a subject in plain use is not."""

from __future__ import annotations

import pytest

from factcheck.prose.roles import other_role


def _role(text: str, name: str) -> bool:
    at = text.index(name)
    return other_role(text, at, at + len(name))


@pytest.mark.parametrize(
    "text, name",
    [
        ("Some 9,000 people fled Sudan into Chad.", "Sudan"),
        ("Some 9,000 people fled Sudan's Darfur region into Chad.", "Darfur region"),
        ("Some 9,000 people crossed from Sudan into Chad.", "Sudan"),
        ("Some 9,000 people escaped from Sudan.", "Sudan"),
        ("Nine were killed when Syrian missiles hit the town.", "Syrian"),
        ("Nine were killed in Syrian shelling.", "Syrian"),
        ("Authorities in eastern Chad counted 9,000 arrivals.", "eastern Chad"),
        ("Police in Chad said 9,000 had arrived.", "Chad"),
        ("Camps were set up in Kassala, Gedaref, Sennar and Blue Nile.", "Kassala"),
        ("Camps were set up in Kassala, Gedaref, Sennar and Blue Nile.", "Gedaref"),
        ("Camps were set up in Kassala, Gedaref, Sennar and Blue Nile.", "Sennar"),
        ("Camps were set up in Kassala, Gedaref, Sennar and Blue Nile.", "Blue Nile"),
        ("Nine Chadian soldiers were killed in the war with Sudan.", "Sudan"),  # the other side
        ("Nine soldiers died in clashes against Sudanese forces.", "Sudanese"),
    ],
)  # fmt: skip
def test_a_name_in_another_role_is_passed_over(text, name):
    assert _role(text, name)


@pytest.mark.parametrize(
    "text, name",
    [
        ("Some 9,000 people fled Sudan into Chad.", "Chad"),
        ("Nine of the dead were from Sudan.", "Sudan"),  # where they were from: the subject of the count
        ("Nine Syrian soldiers were killed.", "Syrian"),
        ("Nine people were killed in Chad.", "Chad"),
        ("Nine were killed, Chad Fire Services said.", "Chad"),
        ("Nine died in Kassala and 12 in Gedaref.", "Kassala"),
        ("Nine died in Kassala, officials said, and 12 in Gedaref.", "Kassala"),
        ("Nine Chadian soldiers were killed in the war with Sudan.", "Chadian"),
        ("Nine people in Chad were sheltering with Sudan's refugees.", "Sudan"),  # "with", but no fight
    ],
)  # fmt: skip
def test_a_name_in_plain_use_is_the_subject(text, name):
    assert not _role(text, name)
