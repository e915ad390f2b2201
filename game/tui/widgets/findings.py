"""The debrief's list: top lessons first, then the findings grouped, each group opening.

One OptionList holds it all, so that the keyboard and the mouse scroll through the
lessons and the findings alike. Each option is a lesson, a group of findings, or one
finding of an opened group; ``entry`` says which finding it stands for (a lesson's
costliest example, a group's first finding), so the debrief shows that post and ``g``
goes to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from game.clocktime import clock_time
from game.tui.i18n import tr
from game.tui.render import highlighted, shown
from game.vocabulary import rule_name
from scoring.lessons import FindingGroup, Lesson, cost_text, frame, group_findings, top_lessons
from scoring.scorecard import Finding, Scorecard


def head_line(finding: Finding, language: str, indent: str = "") -> Content:
    """A finding's first line: time, sign, rule and dimension."""
    sign_style = "bold" if finding.severity == "+" else "bold reverse"
    return Content.assemble(
        indent,
        (clock_time(finding.time, language), "dim"),
        " ",
        (f" {finding.severity} ", sign_style),
        " ",
        (rule_name(finding.rule, language), "bold"),
        " · ",
        tr(language, f"dimension.{finding.dimension}"),
    )


def finding_content(finding: Finding, language: str, indent: str = "") -> Content:
    """A finding: time, sign, rule, message, and the trainee's words highlighted."""
    lines = [
        head_line(finding, language, indent),
        Content.assemble(indent, "   ", Content(shown(finding.message))),
    ]
    evidence = finding.evidence
    if evidence is not None:
        lines.append(
            Content.assemble(
                indent,
                "   «",
                highlighted(evidence.text, [(evidence.start, evidence.end)]),
                "»",
            )
        )
    lines.append(Content(""))  # a blank line between findings
    return Content("\n").join(lines)


def group_content(group: FindingGroup, language: str, opened: bool) -> Content:
    """A repeated finding as one line: how many, which cost most, and ▸ to open it."""
    marker = "▾" if opened else "▸"
    hint = tr(language, "debrief.group_close" if opened else "debrief.group_open")
    return Content("\n").join(
        [
            Content.assemble(
                head_line(group.first, language), "  ", (f"{marker} ×{group.count}", "bold")
            ),
            Content.assemble("   ", Content(shown(group.headline(language)))),
            Content.assemble("   ", (hint, "dim")),
            Content(""),
        ]
    )


def lesson_content(number: int, lesson: Lesson, language: str) -> Content:
    """A top lesson: its rule and cost, what happened, an example, what to do instead."""
    lines = [
        Content.assemble(
            (f"{number}. ", "bold"),
            (rule_name(lesson.rule, language), "bold"),
            "  ",
            (cost_text(lesson.group.cost, language), "bold reverse"),
        ),
        Content.assemble("   ", Content(shown(lesson.headline))),
    ]
    quote = lesson.quote
    if quote:
        example = (f"{frame('example', language)}: ", "dim")
        lines.append(Content.assemble("   ", example, "«", Content(shown(quote)), "»"))
    lines.append(Content.assemble("   ", (shown(lesson.advice), "italic")))
    lines.append(Content(""))
    return Content("\n").join(lines)


@dataclass(frozen=True)
class Entry:
    """What one option of the list stands for.

    Attributes:
        kind: "heading", "lesson", "group" or "finding".
        finding: The finding whose post it shows (None for a heading).
        group: The group it opens or closes, for a group's line.
    """

    kind: Literal["heading", "lesson", "group", "finding"]
    finding: Finding | None = None
    group: int | None = None


class FindingsList(OptionList):
    """Top lessons, then every finding in time order, repeated ones grouped.

    Args:
        card: The scored session.
        language: The interface language.
    """

    def __init__(self, card: Scorecard, language: str, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.card = card
        self.language = language
        self.lessons = top_lessons(card)
        self.groups = group_findings(card.findings)
        self.opened: set[int] = set()
        """The groups opened to their findings (by index in ``groups``)."""
        self.entries: list[Entry] = []

    def on_mount(self) -> None:
        """Fill the list."""
        self.rebuild()

    def rebuild(self) -> None:
        """Make the options again (after a group opens or closes), keeping the cursor."""
        keep = self.highlighted
        language = self.language
        options: list[Option] = []
        self.entries = []

        def add(content: Content, entry: Entry, disabled: bool = False) -> None:
            options.append(Option(content, disabled=disabled))
            self.entries.append(entry)

        heading = Content.styled(frame("top", language), "bold underline")
        add(heading, Entry("heading"), disabled=True)
        if not self.lessons:
            add(Content(frame("none", language)), Entry("heading"), disabled=True)
        for number, lesson in enumerate(self.lessons, 1):
            add(lesson_content(number, lesson, language), Entry("lesson", lesson.example))
        findings_heading = Content.styled(tr(language, "debrief.findings"), "bold underline")
        add(findings_heading, Entry("heading"), disabled=True)
        if not self.groups:
            add(Content(tr(language, "debrief.no_findings")), Entry("heading"), disabled=True)
        for index, group in enumerate(self.groups):
            if group.count == 1:
                add(finding_content(group.first, language), Entry("finding", group.first))
                continue
            opened = index in self.opened
            add(group_content(group, language, opened), Entry("group", group.worst, index))
            if opened:
                for finding in group.findings:
                    content = finding_content(finding, language, indent="    ")
                    add(content, Entry("finding", finding))
        self.set_options(options)
        first = next((i for i, entry in enumerate(self.entries) if entry.finding), None)
        self.highlighted = keep if keep is not None and keep < len(options) else first

    def scroll_to_highlight(self, top: bool = False) -> None:
        """Scroll to the cursor; on the first choice, to the top, heading included."""
        index = self.highlighted
        if index is not None and all(e.kind == "heading" for e in self.entries[:index]):
            self.scroll_to(y=0, animate=False, immediate=True)
            return
        super().scroll_to_highlight(top)

    @property
    def current(self) -> Entry | None:
        """The highlighted option's entry."""
        index = self.highlighted
        return None if index is None or index >= len(self.entries) else self.entries[index]

    def toggle(self) -> bool:
        """Open or close the highlighted group; False when it is not a group."""
        entry = self.current
        if entry is None or entry.kind != "group" or entry.group is None:
            return False
        self.opened ^= {entry.group}
        self.rebuild()
        return True

    def highlight_finding(self, finding: Finding) -> None:
        """Put the cursor on a finding, opening its group if it is in one."""
        for index, group in enumerate(self.groups):
            if finding in group.findings and group.count > 1 and index not in self.opened:
                self.opened.add(index)
                self.rebuild()
        self.highlighted = next(
            i
            for i, entry in enumerate(self.entries)
            if entry.kind == "finding" and entry.finding is finding
        )
