"""``crisisdrill analyze``: one reply, JSON, and batches of JSON lines."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from tests.helpers import run_cli


def test_readable_output_quotes_the_words(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(
        capsys,
        "analyze",
        "Lo sentimos, Ana: fue culpa nuestra. Te escribimos por MD en 2 horas.",
        "--lang",
        "es",
        "--customer",
        "Ana Pérez",
    )
    assert result.code == 0
    assert "disculpa" in result.out and "«Lo sentimos»" in result.out
    assert "(plazo 120 min)" in result.out
    assert "Llama al cliente por su nombre: sí." in result.out


def test_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    text = "Sorry, Ben, that was our mistake. We'll call you within the hour."
    result = run_cli(capsys, "analyze", text, "--lang", "en", "--customer", "Ben", "--json")
    document = json.loads(result.out)
    assert {"language", "cues", "promises", "addresses_customer"} <= set(document)
    assert document["language"] == "en" and document["addresses_customer"] is True
    for cue in document["cues"]:
        assert set(cue) == {"cue", "start", "end", "text"}
        assert text[cue["start"] : cue["end"]] == cue["text"]
    assert {"apology", "admission", "promise"} <= {cue["cue"] for cue in document["cues"]}
    assert document["promises"] == [
        {"text": document["promises"][0]["text"], "deadline_minutes": 60, "act": "callback"}
    ]
    assert document["delivered"] == []


def test_jsonl_batch_in_order_with_bad_lines_reported(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    batch = tmp_path / "replies.jsonl"
    batch.write_text(
        '{"text": "Thank you so much!", "lang": "en"}\n'
        "not json\n"
        '{"text": "Lo siento, Eva.", "lang": "es", "customer": "Eva"}\n'
        "\n"
        '{"text": "Bonjour", "lang": "fr"}\n',
        encoding="utf-8",
    )
    result = run_cli(capsys, "analyze", "--jsonl", str(batch))
    assert result.code == 1
    documents = [json.loads(line) for line in result.out.splitlines()]
    assert [d["language"] for d in documents] == ["en", "es"]
    assert documents[1]["addresses_customer"] is True
    assert result.err.splitlines() == [
        f"{batch}:2: not JSON (Expecting value: line 1 column 1 (char 0))",
        f"{batch}:5: 'lang' must be 'es' or 'en', got 'fr'",
    ]


def test_text_from_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Gracias por avisarnos\n"))
    result = run_cli(capsys, "analyze", "--lang", "es", "--json")
    assert json.loads(result.out)["cues"][0]["cue"] == "gratitude"


@pytest.mark.parametrize(
    "args",
    [
        ["analyze", "hola"],
        ["analyze", "hola", "--lang", "fr"],
        ["analyze", "hola", "--lang", "es", "--jsonl", "x.jsonl"],
    ],
)
def test_usage_errors(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    result = run_cli(capsys, *args)
    assert result.code == 2
    assert "Traceback" not in result.err


def test_missing_batch_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    result = run_cli(capsys, "analyze", "--jsonl", str(tmp_path / "none.jsonl"))
    assert result.code == 1
    assert result.err.startswith(f"crisisdrill: {tmp_path / 'none.jsonl'}: cannot read")


def test_json_lists_personal_data_written_in_the_reply(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(
        capsys, "analyze", "Escríbenos a ayuda@brava.es, Ana.", "--lang", "es", "--json"
    )
    assert result.code == 0
    document = json.loads(result.out)
    assert document["personal_data"] == [
        {"kind": "email", "start": 13, "end": 27, "text": "ayuda@brava.es"}
    ]
