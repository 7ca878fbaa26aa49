"""The plan model: JSON round trip, migrations, hostile input, validation, purity."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from preparedness.model import (
    SCHEMA_VERSION,
    Adult,
    Authorization,
    CareArrangement,
    Child,
    Contact,
    DocumentItem,
    DocumentKind,
    Phone,
    Plan,
    PlanFormatError,
    School,
    Severity,
    can_print,
    phones,
    plan_from_dict,
    plan_from_json,
    plan_to_json,
    validate,
)
from preparedness.model.demo import DEMO_A_NUMBER, demo_plan

any_text = st.text(max_size=60)  # any Unicode, including surrogates-free controls and RTL marks
maybe_date = st.none() | st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))


def _plans() -> st.SearchStrategy[Plan]:
    phone = st.builds(Phone, number=any_text)
    adult = st.builds(
        Adult,
        name=any_text,
        relationship=any_text,
        phones=st.lists(phone, max_size=2),
        languages=any_text,
        at_risk_of_detention=st.none() | st.booleans(),
    )
    child = st.builds(
        Child, name=any_text, date_of_birth=maybe_date, allergies=any_text, routines=any_text
    )
    contact = st.builds(
        Contact,
        name=any_text,
        phones=st.lists(phone, max_size=3),
        may_pick_up=st.booleans(),
        lives_outside_household=st.none() | st.booleans(),
    )
    school = st.builds(
        School,
        name=any_text,
        emergency_card_updated=st.booleans(),
        emergency_card_updated_on=maybe_date,
    )
    doc = st.builds(
        DocumentItem,
        kind=st.sampled_from(list(DocumentKind)),
        label=any_text,
        have_it=st.none() | st.booleans(),
        original_location=any_text,
    )
    care = st.builds(
        CareArrangement,
        child_id=any_text,
        primary_id=any_text,
        authorization=st.builds(
            Authorization, signed=st.booleans(), expires_on=maybe_date, where_kept=any_text
        ),
    )
    return st.builds(
        _assemble,
        st.lists(adult, max_size=2),
        st.lists(child, max_size=3),
        st.lists(contact, max_size=4),
        st.lists(school, max_size=2),
        st.lists(doc, max_size=3),
        st.lists(care, max_size=2),
        maybe_date,
        any_text,
    )


def _assemble(
    adults: list[Adult],
    children: list[Child],
    contacts: list[Contact],
    schools: list[School],
    documents: list[DocumentItem],
    care: list[CareArrangement],
    review_by: date | None,
    notes: str,
) -> Plan:
    plan = Plan(
        children=children,
        contacts=contacts,
        schools=schools,
        documents=documents,
        care=care,
        review_by=review_by,
        notes=notes,
    )
    plan.household.adults = adults
    return plan


@settings(max_examples=150, deadline=None)
@given(_plans())
def test_any_plan_survives_a_json_round_trip(plan: Plan) -> None:
    assert plan_from_json(plan_to_json(plan)) == plan


def test_demo_plan_round_trips_and_is_deterministic() -> None:
    plan = demo_plan()
    text = plan_to_json(plan)
    assert plan_from_json(text) == plan
    assert plan_to_json(demo_plan()) == text
    assert json.loads(text)["schema_version"] == SCHEMA_VERSION


def test_demo_plan_has_what_the_issue_asks_for() -> None:
    plan = demo_plan()
    assert len(plan.household.adults) == 2
    assert len(plan.children) == 3
    assert len(plan.contacts) == 8
    assert len(plan.documents) >= 12
    scripts = "".join(c.name for c in plan.contacts)
    assert any("\u0600" <= ch <= "\u06ff" for ch in scripts)  # Arabic
    assert any("\u1200" <= ch <= "\u137f" for ch in scripts)  # Ethiopic
    assert any("\u1000" <= ch <= "\u109f" for ch in scripts)  # Myanmar (Karen)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in scripts)  # CJK
    assert plan.legal.a_numbers[0].number == DEMO_A_NUMBER
    # Every reference resolves.
    ids = {p.id for p in (*plan.household.adults, *plan.children, *plan.contacts)}
    for arrangement in plan.care:
        assert {arrangement.child_id, arrangement.primary_id, arrangement.backup_id} <= ids
    assert [
        p for p in validate(plan, today=date(2026, 11, 22)) if p.severity is Severity.ERROR
    ] == []


def test_older_schema_is_migrated() -> None:
    old = {
        "schema_version": 0,
        "plan": {
            "contacts": [{"id": "contact-1", "name": "Ana", "phone": "612-555-0100"}],
            "household": {"adults": [{"id": "adult-1", "name": "Luz", "phone": ""}]},
        },
    }
    plan = plan_from_dict(old)
    assert plan.contacts[0].phones == [Phone("612-555-0100")]
    assert plan.household.adults[0].phones == []


def test_newer_schema_is_refused_with_a_clear_error() -> None:
    with pytest.raises(PlanFormatError) as info:
        plan_from_dict({"schema_version": SCHEMA_VERSION + 1, "plan": {}})
    assert info.value.message_id == "plan.newer_schema"
    assert "newer version" in info.value.default_message


@pytest.mark.parametrize(
    "text",
    [
        "",
        "null",
        "[]",
        "{}",
        '{"schema_version": "1", "plan": {}}',
        '{"schema_version": true, "plan": {}}',
        '{"schema_version": -1, "plan": {}}',
        '{"schema_version": 1, "plan": []}',
        '{"schema_version": 1, "plan": {"children": {}}}',
        '{"schema_version": 1, "plan": {"children": [{"name": 5}]}}',
        '{"schema_version": 1, "plan": {"review_by": "yesterday"}}',
        '{"schema_version": 1, "plan": {"documents": [{"kind": "spaceship"}]}}',
        '{"schema_version": 1, "plan": {"contacts": [{"may_pick_up": "yes"}]}}',
        "[" * 100_000 + "]" * 100_000,
        "\x00\xff garbage",
    ],
)
def test_hostile_json_gives_only_plan_format_errors(text: str) -> None:
    with pytest.raises(PlanFormatError):
        plan_from_json(text)


def test_unknown_keys_are_ignored() -> None:
    plan = plan_from_json('{"schema_version": 1, "plan": {"notes": "x", "future_field": 1}}')
    assert plan.notes == "x"


def test_phone_numbers_are_parsed_and_formatted() -> None:
    assert phones.format_phone("6125550100") == "(612) 555-0100"
    assert phones.format_phone("+52 55 1234 5678") == "+52 55 1234 5678"
    assert phones.is_valid("+252 61 5123456")
    assert not phones.is_valid("12")
    assert phones.format_phone("call Ana") == "call Ana"  # kept as typed


def test_validation_reports_typed_problems_with_message_ids() -> None:
    plan = Plan(
        contacts=[Contact(id="contact-x", name="", phones=[Phone("555")])],
        children=[Child(id="child-x", name="Ana", date_of_birth=date(2030, 1, 1))],
    )
    problems = validate(plan, today=date(2026, 11, 22))
    codes = {(p.field, p.code) for p in problems}
    assert ("contacts[contact-x].name", "name.missing") in codes
    assert ("contacts[contact-x].phones[0]", "phone.invalid") in codes
    assert ("children[child-x].date_of_birth", "date.future_birth") in codes
    assert ("care[child-x].primary_id", "nudge.no_primary") in codes
    for problem in problems:
        assert problem.message()  # every code has a message and its placeholders are filled
    nudge = next(p for p in problems if p.code == "nudge.no_primary")
    assert nudge.severity is Severity.NUDGE and "Ana" in nudge.message()


def test_problem_messages_are_translated_by_the_given_function() -> None:
    problem = validate(Plan(contacts=[Contact(name="")]))[0]
    assert problem.message(lambda s: "T:" + s).startswith("T:")


def test_minimum_to_print_is_small() -> None:
    assert {p.code for p in can_print(Plan())} == {"minimum.adult", "minimum.contact"}
    assert can_print(demo_plan()) == []


def test_removing_a_contact_removes_every_reference() -> None:
    plan = demo_plan()
    plan.remove_person("contact-0001")
    assert plan.contact("contact-0001") is None
    assert all(a.primary_id != "contact-0001" for a in plan.care)
    assert all(d.copy_holder != "contact-0001" for d in plan.documents)


def test_model_imports_no_qt_no_reportlab_no_cryptography() -> None:
    code = (
        "import sys, preparedness.model, preparedness.model.demo, preparedness.questions, "
        "preparedness.formatting;"
        "bad=[m for m in sys.modules if m.split('.')[0] in "
        "('PySide6','reportlab','cryptography')]; print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
