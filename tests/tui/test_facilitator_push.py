"""The console's game takes a facilitator's pushes: the post shows in its channel at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine import ActionError, Refusal
from game.scenario import LoadedScenario
from game.services.verify import Status, verify_log
from game.tui.controller import Game


def test_pushed_posts_join_the_feed_and_the_log_verifies(
    flagship: LoadedScenario, tmp_path: Path
) -> None:
    game = Game(flagship, seed=7, language="es", trainee="t", log_dir=tmp_path)
    game.start()
    game.advance(90)
    pushed = game.push_inject("gift_for_mum")
    written = game.push_post("journalist", "fotogram", "¿Vais a dar la cara?")
    (inject_post,) = pushed.new_posts
    (own_post,) = written.new_posts
    assert inject_post.source == "facilitator:gift_for_mum" and inject_post.channel == "chirp"
    assert (own_post.text, own_post.channel) == ("¿Vais a dar la cara?", "fotogram")
    assert own_post in game.by_channel["fotogram"] and own_post.id in game.unread["fotogram"]
    assert game.state(own_post) == "new"
    with pytest.raises(ActionError) as refused:
        game.push_inject("nope")
    assert refused.value.refusal is Refusal.NO_SUCH_INJECT
    game.advance(60)
    game.finish()
    assert verify_log(game.log_path).status is Status.VERIFIED
