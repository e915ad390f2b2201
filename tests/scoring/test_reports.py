"""Reports of a scored session: stable snapshots, safe text, one self-contained HTML file."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from game.services.report import score_log
from scoring.report import render_report
from scoring.report.markdown import escape_markdown
from scoring.scorecard import Evidence, Finding, Scorecard
from tests.conftest import DATA_DIR, TESTS_DIR
from tests.helpers import run_cli

LOGS = DATA_DIR / "logs"
SNAPSHOTS = TESTS_DIR / "snapshots" / "reports"
HOSTILE = "<script>alert(1)</script> [@click=app.quit] [/b] [TODO] [link=x] *bold* & `code`"


def _card(language: str) -> Scorecard:
    return score_log(LOGS / f"engine-test-{language}.jsonl").scorecard


@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize("report_format", ["md", "json"])
def test_the_same_log_always_gives_the_same_report(
    language: str, report_format: str, snapshot
) -> None:
    first = render_report(_card(language), report_format)
    assert render_report(_card(language), report_format) == first
    snapshot.snapshot_dir = SNAPSHOTS
    snapshot.assert_match(first, f"engine-test-{language}.{report_format}")


def test_json_report_is_the_scorecard_with_cited_rules() -> None:
    card = _card("en")
    data = json.loads(render_report(card, "json"))
    assert data["scores"] == card.scores()
    assert len(data["findings"]) == len(card.findings)
    assert set(data["rules"]) == {finding.rule for finding in card.findings}
    assert data["rules"]["P2"]["slug"] == "answer-fast"


def _hostile_card() -> Scorecard:
    card = _card("en")
    finding = Finding(
        rule="E2",
        dimension="empathy",
        severity="-",
        time=61,
        message="Hostile tone.",
        post_id="m1",
        post_text=HOSTILE,
        post_author="Troll <b>(@t)</b>",
        channel="chirp",
        evidence=Evidence(HOSTILE, 0, 8),
    )
    return replace(card, trainee="[b]Ana[/b] <i>", findings=(finding,))


def test_html_is_self_contained_and_shows_every_text_literally() -> None:
    page = render_report(_hostile_card(), "html")
    assert page.startswith("<!DOCTYPE html>")
    assert "<svg" in page and "<polyline" in page
    assert "<script" not in page
    assert not re.search(r"\b(src|href)\s*=", page)
    assert "@import" not in page and "url(" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "[@click=app.quit] [/b] [TODO] [link=x]" in page
    assert "[b]Ana[/b] &lt;i&gt;" in page
    assert "Troll &lt;b&gt;(@t)&lt;/b&gt;" in page


def test_html_marks_actions_and_phase_changes_on_the_chart() -> None:
    card = _card("en")
    page = render_report(card, "html")
    actions = [mark for mark in card.marks if mark.kind != "phase"]
    assert actions
    assert page.count('<path class="action') == len(actions)
    assert page.count('<g class="phase">') == len(card.marks) - len(actions)


def test_markdown_escapes_scenario_crowd_and_trainee_text() -> None:
    page = render_report(_hostile_card(), "md")
    assert r"\<script\>" in page
    assert r"\[@click=app.quit\] \[/b\] \[TODO\] \[link=x\] \*bold\* \& \`code\`" in page
    assert r"\[b\]Ana\[/b\] \<i\>" in page
    # The evidence words are highlighted, and their own specials stay escaped.
    assert r"«**\<script\>**alert(1)" in page


def test_escape_markdown_flattens_lines() -> None:
    assert escape_markdown("a\n\n# b |c|") == r"a # b \|c\|"


def test_report_command_writes_each_format(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for report_format in ("md", "html", "json"):
        target = tmp_path / f"report.{report_format}"
        result = run_cli(
            capsys,
            "report",
            str(LOGS / "engine-test-es.jsonl"),
            "--format",
            report_format,
            "-o",
            str(target),
        )
        assert result.code == 0, result.err
        assert str(target) in result.err
        assert target.read_text(encoding="utf-8") == render_report(_card("es"), report_format)


def test_report_of_a_torn_log_warns_and_scores_what_is_there(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = (LOGS / "engine-test-en.jsonl").read_text(encoding="utf-8")
    torn = tmp_path / "torn.jsonl"
    torn.write_text(text[: len(text) - 40], encoding="utf-8")
    result = run_cli(capsys, "report", str(torn), "--format", "json")
    assert result.code == 0, result.err
    assert "warning" in result.err
    assert json.loads(result.out)["scenario_id"] == "engine-test"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "cannot read"),
        ("", "not a crisisdrill session log"),
        ("not json at all\n", "not a crisisdrill session log"),
        ("\x00\xff\xfe garbage\n{}\n", "not a crisisdrill session log"),
        ('{"type": "header"}\n', "format None is not supported"),
        ('{"type": "header", "format": 1}\n', "the header has no scenario"),
    ],
)
def test_report_of_a_bad_log_is_a_clear_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str | None, expected: str
) -> None:
    path = tmp_path / "bad.jsonl"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = run_cli(capsys, "report", str(path))
    assert result.code == 1
    assert "Traceback" not in result.err
    assert str(path) in result.err
    assert expected in result.err, result.err


def test_report_with_an_unknown_format_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    result = run_cli(capsys, "report", str(LOGS / "engine-test-en.jsonl"), "--format", "pdf")
    assert result.code == 2


def test_markdown_highlight_keeps_the_spaces_around_the_words() -> None:
    text = "Hola Ana: el doble cobro fue un error nuestro y lo devolvemos."
    start = text.index("fue")
    end = text.index(" y lo")
    card = replace(
        _hostile_card(),
        trainee="",
        findings=(replace(_hostile_card().findings[0], evidence=Evidence(text, start, end)),),
    )
    page = render_report(card, "md")
    assert "«Hola Ana: el doble cobro **fue un error nuestro** y lo devolvemos.»" in page
    assert "- **Trainee:** —" in page


@pytest.mark.parametrize(("language", "day"), [("en", "tomorrow"), ("es", "de mañana")])
@pytest.mark.parametrize("report_format", ["md", "html"])
def test_report_moments_are_clock_times_with_the_day_past_midnight(
    language: str, day: str, report_format: str
) -> None:
    # A finding a day and a minute after the 10:00 start: the clock, not "24:01:00".
    card = _card(language)
    late = replace(card.findings[0], time=24 * 3600 + 60)
    text = render_report(replace(card, findings=(late,)), report_format)
    assert f"10:01 {day}" in text
    assert "30 min" in text  # the session's length stays a duration
