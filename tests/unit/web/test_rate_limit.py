from bot.web.chat import RateLimiter


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_messages_up_to_the_limit_are_allowed_and_the_next_is_told_how_long_to_wait():
    clock = Clock()
    limiter = RateLimiter(3, window_seconds=60, clock=clock)
    assert [limiter.take("1.2.3.4") for _ in range(3)] == [0.0, 0.0, 0.0]
    clock.now += 15
    assert limiter.take("1.2.3.4") == 45.0


def test_the_window_slides_so_a_message_is_allowed_once_the_oldest_is_a_minute_old():
    clock = Clock()
    limiter = RateLimiter(2, window_seconds=60, clock=clock)
    limiter.take("a")
    clock.now += 30
    limiter.take("a")
    clock.now += 30
    assert limiter.take("a") == 0.0
    assert limiter.take("a") > 0


def test_each_visitor_has_their_own_allowance():
    limiter = RateLimiter(1, clock=Clock())
    assert limiter.take("a") == 0.0
    assert limiter.take("b") == 0.0
    assert limiter.take("a") > 0


def test_refused_messages_do_not_count_against_the_visitor():
    clock = Clock()
    limiter = RateLimiter(1, window_seconds=60, clock=clock)
    limiter.take("a")
    for _ in range(5):
        clock.now += 10
        limiter.take("a")
    clock.now += 11
    assert limiter.take("a") == 0.0


def test_idle_visitors_are_forgotten_so_memory_stays_bounded():
    clock = Clock()
    limiter = RateLimiter(5, window_seconds=60, clock=clock, max_clients=10)
    for visitor in range(10):
        limiter.take(f"old-{visitor}")
    clock.now += 61
    limiter.take("new-1")
    limiter.take("new-2")
    assert len(limiter._hits) == 2
