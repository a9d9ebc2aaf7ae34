"""The pure state machine and the availability arithmetic."""

from datetime import date

import pytest

from forum.resources.loans import (
    TRANSITIONS, Action, Booking, Side, TransitionRefused, actions_for, day_ranges, shortages, transition,
)
from forum.resources.models import LoanState


def test_the_table_allows_exactly_the_sensible_moves():
    allowed = {(state, action) for state, action in TRANSITIONS}
    assert allowed == {
        (LoanState.REQUESTED, Action.ACCEPT), (LoanState.REQUESTED, Action.DECLINE),
        (LoanState.REQUESTED, Action.CANCEL), (LoanState.ACCEPTED, Action.CANCEL),
        (LoanState.ACCEPTED, Action.LEND), (LoanState.LENT, Action.RETURN),
    }


@pytest.mark.parametrize("state", list(LoanState))
@pytest.mark.parametrize("action", list(Action))
def test_every_other_move_is_refused_with_a_french_reason(state, action):
    if (state, action) in TRANSITIONS:
        assert transition(state, action).to_state in LoanState
    else:
        with pytest.raises(TransitionRefused) as refusal:
            transition(state, action)
        assert refusal.value.message.startswith("Action impossible : ")


def test_who_may_act():
    assert actions_for(LoanState.REQUESTED, {Side.OWNER}) == [Action.ACCEPT, Action.DECLINE]
    assert actions_for(LoanState.REQUESTED, {Side.BORROWER}) == [Action.CANCEL]
    assert actions_for(LoanState.ACCEPTED, {Side.OWNER}) == [Action.LEND]
    assert actions_for(LoanState.RETURNED, {Side.OWNER, Side.BORROWER}) == []


def test_shortages_are_per_day():
    may = [Booking(date(2027, 5, 1), date(2027, 5, 3), 2), Booking(date(2027, 5, 3), date(2027, 5, 5), 1)]
    # Stock 3: on May 3 both bookings hold 3 units; one more is too many only that day.
    assert shortages(may, date(2027, 4, 28), date(2027, 5, 10), 1, 3) == [date(2027, 5, 3)]
    assert shortages(may, date(2027, 5, 6), date(2027, 5, 10), 3, 3) == []
    assert shortages(may, date(2027, 5, 1), date(2027, 5, 5), 2, 3) == [date(2027, 5, d) for d in (1, 2, 3)]


def test_day_ranges_fold_consecutive_days():
    days = [date(2027, 5, d) for d in (1, 2, 3, 7, 8)]
    assert day_ranges(days) == [(date(2027, 5, 1), date(2027, 5, 3)), (date(2027, 5, 7), date(2027, 5, 8))]
