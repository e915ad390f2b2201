"""Personal data written in a reply: what is found, and what is not."""

from __future__ import annotations

import pytest

from scoring.personal_data import find_personal_data


@pytest.mark.parametrize(
    ("text", "kind", "words"),
    [
        ("Ana, te hemos escrito a ana.lopez@gmail.com", "email", "ana.lopez@gmail.com"),
        ("We'll call you on +44 7700 900123 today.", "phone", "+44 7700 900123"),
        ("Te llamamos al 612 34 56 78 en un rato.", "phone", "612 34 56 78"),
        ("Te llamamos al 612345678.", "phone", "612345678"),
        ("Call us back at (555) 123-4567.", "phone", "(555) 123-4567"),
        ("Your card 4111 1111 1111 1111 was refunded.", "card", "4111 1111 1111 1111"),
        ("Reembolsado a ES91 2100 0418 4502 0005 1332.", "iban", "ES91 2100 0418 4502 0005 1332"),
        ("El DNI 12345678Z ya figura en el pedido.", "national_id", "12345678Z"),
        ("NIE X1234567L verificado.", "national_id", "X1234567L"),
    ],
)
def test_personal_data_is_found_with_its_words(text: str, kind: str, words: str) -> None:
    found = find_personal_data(text)
    assert [(item.kind, item.text) for item in found] == [(kind, words)]
    assert text[found[0].start : found[0].end] == words


@pytest.mark.parametrize(
    "text",
    [
        "Te escribimos antes de las 18:00 con novedades.",
        "We'll update you by 17.30 at the latest.",
        "El cambio cuesta 12.50 euros y llega el 12/05/2026.",
        "Write to us at @brava or by DM.",
        "Check the FAQ at https://brava.example/help/123456789",
        "Llevamos 2024 pedidos enviados hoy.",
        "Order 1234 has shipped.",
        "Escríbenos tu email por MD, por favor.",
    ],
)
def test_times_prices_handles_and_links_are_not_personal_data(text: str) -> None:
    assert find_personal_data(text) == ()


def test_several_pieces_come_in_order_without_overlap() -> None:
    found = find_personal_data("Mail: a@b.io; tel. +34 612 345 678; DNI 12345678Z.")
    assert [item.kind for item in found] == ["email", "phone", "national_id"]
