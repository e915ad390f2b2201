"""Personal data written in a reply itself: e-mail addresses, phone, card and ID numbers.

A brand that posts a customer's phone number or order details in public breaks C3
(private data only in private) however kind the words around it. These are shape
rules, the same in every language: what looks like an e-mail address, a phone number
(nine or more digits, with the usual separators), a payment card number (13 to 19
digits that pass the Luhn check), an IBAN, or a Spanish DNI/NIE. Order and tracking
numbers are left alone: brands quote their own reference numbers all the time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

PersonalDataKind = Literal["email", "phone", "card", "iban", "national_id"]

_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,4})?\b")
_NATIONAL_ID = re.compile(r"\b(?:\d{8}|[XYZ]\d{7})-?[A-HJ-NP-TV-Z]\b")
# Runs of digits with spaces, dots, dashes or brackets between them, optionally "+".
_DIGIT_RUN = re.compile(r"(?<![\w+])\+?\(?\d(?:[\d\s().-]{7,26})\d(?!\w)")


@dataclass(frozen=True)
class PersonalData:
    """One piece of personal data in a text.

    Attributes:
        kind: What it looks like.
        start: Offset of its first character.
        end: Offset just past its last character.
        text: The characters themselves.
    """

    kind: PersonalDataKind
    start: int
    end: int
    text: str


def find_personal_data(text: str) -> tuple[PersonalData, ...]:
    """Find the personal data a text shows, by position.

    Args:
        text: a reply.

    Returns:
        What was found, sorted by position, never overlapping.
    """
    found: list[PersonalData] = []
    # Numbers inside a link are the site's, not the customer's.
    taken: list[tuple[int, int]] = [match.span() for match in _URL.finditer(text)]

    def add(kind: PersonalDataKind, start: int, end: int) -> None:
        if any(start < stop and begin < end for begin, stop in taken):
            return
        taken.append((start, end))
        found.append(PersonalData(kind, start, end, text[start:end]))

    for match in _EMAIL.finditer(text):
        add("email", *match.span())
    for match in _IBAN.finditer(text):
        add("iban", *match.span())
    for match in _NATIONAL_ID.finditer(text):
        add("national_id", *match.span())
    for match in _DIGIT_RUN.finditer(text):
        kind = _digit_kind(match.group())
        if kind is not None:
            add(kind, *match.span())
    return tuple(sorted(found, key=lambda item: item.start))


def _digit_kind(candidate: str) -> PersonalDataKind | None:
    """A phone or card number by its digits; None for times, dates, prices and the like."""
    if re.search(r"\d[.:]\d{2}\b(?![\d\s-])", candidate) and "+" not in candidate:
        return None  # "18:00", "12.50" and similar are not personal data
    if re.fullmatch(r"[\d\s]*\d{1,2}[./-]\d{1,2}[./-]\d{2,4}", candidate.strip()):
        return None  # a date
    digits = re.sub(r"\D", "", candidate)
    if 13 <= len(digits) <= 19 and _luhn(digits):
        return "card"
    if 9 <= len(digits) <= 15 and _looks_like_phone(candidate):
        return "phone"
    return None


def _looks_like_phone(candidate: str) -> bool:
    """Phones start with +, a bracketed area code, or are grouped in 2-4 digit blocks."""
    stripped = candidate.strip()
    if stripped.startswith(("+", "(")):
        return True
    groups = re.split(r"[\s.-]+", stripped)
    if len(groups) == 1:
        return len(stripped) in (9, 10)  # 612345678, 5512345678
    return all(1 <= len(group) <= 4 for group in groups)


def _luhn(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0
