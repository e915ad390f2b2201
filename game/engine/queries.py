"""What the trainee (and the console, the bots, a facilitator) may read of a session.

A mixin of ``Session``: the read queries over its posts, threads and promises, in one
place, so that nobody outside the engine recomputes what "waiting" or "overdue" means.
"""

from __future__ import annotations

from game.engine.crowd import Crowd
from game.engine.world import Person, Post, Promise, Thread
from game.scenario.model import Channel


class ReadQueries:
    """Read-only questions about the state of a session."""

    now: int
    posts: dict[str, Post]
    threads: dict[str, Thread]
    promises: dict[str, Promise]
    channels: dict[str, Channel]
    crowd: Crowd
    _waiting: dict[str, Post]  # in arrival order: the first waited longest

    def visible_posts(self) -> list[Post]:
        """Posts the trainee can see (untagged ones once a search found them)."""
        return [post for post in self.posts.values() if post.found]

    def waiting_posts(self) -> list[Post]:
        """Posts that still need an answer, the longest waiting first.

        A post of a banned author, or of one who gave up, no longer waits.
        """
        return list(self._waiting.values())

    def is_waiting(self, post: Post) -> bool:
        """Whether a post still needs an answer from the brand."""
        return post.id in self._waiting

    def response_deadline(self, post: Post) -> int:
        """The second by which its channel expects an answer to a post."""
        return post.time + self.channels[post.channel].expected_response_minutes * 60

    def is_overdue(self, post: Post) -> bool:
        """Whether a post has waited longer than its channel's expected response time."""
        return self.is_waiting(post) and self.now > self.response_deadline(post)

    def overdue_posts(self) -> list[Post]:
        """Every overdue post, oldest first."""
        return [post for post in self._waiting.values() if self.is_overdue(post)]

    def person(self, post: Post) -> Person | None:
        """The author of a post (None for the brand's own posts)."""
        return None if post.from_brand else self.crowd.people.get(post.author)

    def thread_posts(self, post: Post) -> list[Post]:
        """Every post of the exchange a post belongs to, the brand's too, in order."""
        return [self.posts[post_id] for post_id in self.threads[post.thread].posts]

    def thread_promises(self, post: Post) -> list[Promise]:
        """The promises made in a post's exchange."""
        return thread_promises_of(self, self.threads[post.thread])

    def open_promises(self, thread: Thread | None = None) -> list[Promise]:
        """Promises still running (of one exchange, or of all)."""
        # An exchange keeps its own list: answering one post must not cost the session's.
        made = self.promises.values() if thread is None else thread_promises_of(self, thread)
        return [p for p in made if p.status == "open"]

    def owed_promises(self) -> list[Promise]:
        """Promises not yet kept (open or broken: a late follow-up is still owed)."""
        return [p for p in self.promises.values() if p.status != "kept"]


def thread_promises_of(queries: ReadQueries, thread: Thread) -> list[Promise]:
    """The promises made in one exchange, in order."""
    return [queries.promises[i] for i in thread.promises]
