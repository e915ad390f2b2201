"""CHANNEL: where and how the trainee answered and moderated (C1-C5).

Situations: every public reply, private message, hide, warning and ban, every
statement, and every employee who posted on their own. A public reply on another
channel than the post's (C1), a third public message in one exchange (C2), or
personal data asked for or shown in public (C3) costs credit; answering an abusive
post without citing the house rules, or giving way to it (an apology, a refund, "you
are right"), feeds the troll (C4), and citing the rules to someone who only complained
treats them as one (C4). Hiding or banning someone
who only complained is the worst move (C4); warning first and then removing the
abusive is the right one. Staff who defend the brand on their own need a private word
(C5), and statements must not contradict each other (C5).
"""

from __future__ import annotations

from game.journal.records import PostRecord
from scoring.analyzer import Analysis, CueHit
from scoring.ledger import Ledger, Span, first_hit
from scoring.sessionview import BrandMessage, Moderation

OTHER_CHANNEL = 0.3
THIRD_PUBLIC = 0.3
FED_TROLL = 0.2
BAN_WITHOUT_WARNING = 0.5
HIDE_WITHOUT_WARNING = 0.7
WARNED_COMPLAINER = 0.3
MISPLACED = 0.3
"""A reply that cites the house rules to someone who only complained (C4)."""


def judge_channel(ledger: Ledger) -> None:
    """Credit CHANNEL for every channel decision.

    Args:
        ledger: where credits and findings go.
    """
    view = ledger.view
    public_count: dict[str, int] = {}
    moved: set[str] = set()
    actions: list[BrandMessage | Moderation] = [*view.messages, *view.moderations]
    actions.sort(key=lambda item: item.index)  # the order the trainee acted in
    warned: set[str] = set()
    for item in actions:
        with ledger.situation():
            if isinstance(item, Moderation):
                _moderation(ledger, item, warned)
                if item.kind == "warn":
                    warned.add(item.author)
            elif item.kind == "statement":
                _statement(ledger, item)
            elif item.kind == "private_message":
                _private(ledger, item, public_count, moved)
            elif item.kind in ("reply", "follow_up") and item.public:
                _public(ledger, item, public_count, moved)
    _staff(ledger)


def _public(
    ledger: Ledger, message: BrandMessage, public_count: dict[str, int], moved: set[str]
) -> None:
    view = ledger.view
    post = view.post_by_id[message.post_id or ""]
    analysis = ledger.analysis(message)
    if message.kind == "reply" and view.is_abusive_author(post.author):
        rules = first_hit(analysis, "rules_citation")
        appeasing = _misplaced_here(ledger, message)
        if appeasing is not None:
            ledger.credit("channel", FED_TROLL)
            ledger.note(
                "C4",
                "channel",
                "-",
                message.time,
                "channel.appeased_abuse",
                post=post,
                message=message,
                hit=appeasing,
                words=appeasing.text,
            )
        elif rules is None:
            ledger.credit("channel", FED_TROLL)
            ledger.note(
                "C4", "channel", "-", message.time, "channel.fed_troll", post=post, message=message
            )
        else:
            ledger.credit("channel", 1.0)
            ledger.note(
                "C4",
                "channel",
                "+",
                message.time,
                "channel.rules_cited",
                post=post,
                message=message,
                hit=rules,
            )
        return
    credit = 1.0
    thread = message.thread or ""
    if message.kind == "reply":  # a follow-up delivers a promise where it was made
        public_count[thread] = public_count.get(thread, 0) + 1
    if message.channel != post.channel:
        credit = min(credit, OTHER_CHANNEL)
        ledger.note(
            "C1",
            "channel",
            "-",
            message.time,
            "channel.other_channel",
            post=post,
            message=message,
            theirs=ledger.channel_name(post.channel),
            ours=ledger.channel_name(message.channel),
        )
    if message.kind == "reply" and public_count[thread] > 2 and thread not in moved:
        credit = min(credit, THIRD_PUBLIC)
        ledger.note(
            "C2",
            "channel",
            "-",
            message.time,
            "channel.third_public",
            post=post,
            message=message,
            count=public_count[thread],
        )
    misplaced = _misplaced_here(ledger, message)
    if misplaced is not None:
        credit = min(credit, MISPLACED)
        ledger.note(
            "C4",
            "channel",
            "-",
            message.time,
            "channel.rules_to_complaint",
            post=post,
            message=message,
            hit=misplaced,
        )
    # "Send us your order number by DM" asks for the data in private: that is right.
    asked = None if analysis.has("dm_invite") else first_hit(analysis, "data_request")
    exposed = asked or _personal_data(analysis)
    if exposed is not None:
        credit = 0.0
        ledger.note(
            "C3",
            "channel",
            "-",
            message.time,
            "channel.public_data",
            post=post,
            message=message,
            hit=exposed,
        )
    ledger.credit("channel", credit)


def _misplaced_here(ledger: Ledger, message: BrandMessage) -> CueHit | None:
    """The first cue the reading found out of place under a CHANNEL rule (C4, C5)."""
    judgement = ledger.judgement(message)
    if judgement is None:
        return None
    return next((hit for hit, why in judgement.misplaced if why.rule in ("C4", "C5")), None)


def _personal_data(analysis: Analysis) -> Span | None:
    """The first piece of personal data shown in the reply itself, if any."""
    return analysis.personal_data[0] if analysis.personal_data else None


def _private(
    ledger: Ledger, message: BrandMessage, public_count: dict[str, int], moved: set[str]
) -> None:
    view = ledger.view
    post = view.post_by_id[message.post_id or ""]
    thread = message.thread or ""
    ledger.credit("channel", 1.0)
    if thread not in moved and public_count.get(thread, 0) >= 1:
        ledger.note(
            "C2", "channel", "+", message.time, "channel.moved_private", post=post, message=message
        )
    moved.add(thread)
    asked = first_hit(ledger.analysis(message), "data_request")
    if asked is not None:
        ledger.note(
            "C3",
            "channel",
            "+",
            message.time,
            "channel.private_data",
            post=post,
            message=message,
            hit=asked,
        )


def _moderation(ledger: Ledger, action: Moderation, warned: set[str]) -> None:
    view = ledger.view
    post = view.post_by_id[action.post_id]
    abusive = view.is_abusive_author(action.author)
    if action.kind == "warn":
        if abusive:
            ledger.credit("channel", 1.0)
            ledger.note("C4", "channel", "+", action.time, "channel.warned_troll", post=post)
        else:
            ledger.credit("channel", WARNED_COMPLAINER)
            ledger.note("C4", "channel", "-", action.time, "channel.warned_complainer", post=post)
        return
    if not abusive:
        ledger.credit("channel", 0.0)
        key = "channel.hid_complaint" if action.kind == "hide" else "channel.banned_complainer"
        ledger.note("C4", "channel", "-", action.time, key, post=post)
        return
    if action.author in warned:
        ledger.credit("channel", 1.0)
        ledger.note(
            "C4", "channel", "+", action.time, f"channel.{action.kind}_after_warning", post=post
        )
        return
    credit = BAN_WITHOUT_WARNING if action.kind == "ban" else HIDE_WITHOUT_WARNING
    ledger.credit("channel", credit)
    ledger.note(
        "C4", "channel", "-", action.time, f"channel.{action.kind}_without_warning", post=post
    )


def _statement(ledger: Ledger, message: BrandMessage) -> None:
    analysis = ledger.analysis(message)
    earlier = [m for m in ledger.view.messages if m.kind == "statement" and m.index < message.index]
    owned = {"apology", "admission"}
    denial = first_hit(analysis, "denial")
    if denial is not None and any(owned & ledger.analysis(m).cue_ids() for m in earlier):
        ledger.credit("channel", 0.0)
        ledger.note(
            "C5", "channel", "-", message.time, "channel.contradiction", message=message, hit=denial
        )
        return
    ledger.credit("channel", 1.0)


def _staff(ledger: Ledger) -> None:
    view = ledger.view
    staff_posts: dict[str, PostRecord] = {}
    for post in view.posts:
        person = view.people.get(post.author)
        if person is not None and person.archetype == "employee":
            staff_posts.setdefault(post.author, post)
    for author, post in staff_posts.items():
        with ledger.situation():
            talked = [
                m
                for m in view.messages
                if m.kind in ("reply", "private_message")
                and m.post_id is not None
                and view.post_by_id[m.post_id].author == author
            ]
            if talked:
                ledger.credit("channel", 1.0)
                ledger.note(
                    "C5",
                    "channel",
                    "+",
                    talked[0].time,
                    "channel.staff_spoken_to",
                    post=post,
                    message=talked[0],
                )
            else:
                ledger.credit("channel", 0.0)
                ledger.note("C5", "channel", "-", post.time, "channel.staff_left_alone", post=post)
