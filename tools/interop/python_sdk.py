"""Finch's official Python SDK against the stand-in binary: every operation, through the SDK.

    python3 tools/interop/python_sdk.py target/debug/finch-stand-in

Starts the stand-in on a free loopback port, points `finch.Finch` at it and calls every
operation the SDK has, each with only its required arguments and again with its optional ones;
the beta endpoints the SDK does not have yet (plans, ledger items) go through its generic
`get`/`post`. Exits non-zero, naming each call, if any raises. `.ci/run` runs it with the SDK
version pinned in `requirements.txt`.
"""

import sys

import httpx
from finch import Finch

from stand_in import start




def main():
    process, printed = start(sys.argv[1], "--codes", "3", "--job-refreshes", "1000")
    base = printed["base_url"]
    keys = dict(client_id=printed["client_id"], client_secret=printed["client_secret"])
    # The application (Basic auth, no token) and the connection of the printed token.
    app = Finch(base_url=base, max_retries=0, **keys)
    finch = Finch(base_url=base, max_retries=0, access_token=printed["access_token"], **keys)
    failures = []
    calls = 0

    def call(name, make):
        nonlocal calls
        calls += 1
        try:
            return make()
        except Exception as error:  # report every failure, not only the first
            failures.append(f"{name}: {type(error).__name__}: {str(error)[:300]}")
            return None

    entity = printed["entity_id"]
    person = next(iter(finch.hris.directory.list())).id

    # Organization
    call("hris.company.retrieve", lambda: finch.hris.company.retrieve())
    call("hris.company.retrieve(entity_ids)", lambda: finch.hris.company.retrieve(entity_ids=[entity]))
    call("hris.directory.list", lambda: list(finch.hris.directory.list()))
    call("hris.directory.list(limit=0)", lambda: finch.hris.directory.list(limit=0, offset=0))
    call("hris.individuals.retrieve_many", lambda: finch.hris.individuals.retrieve_many(requests=[{"individual_id": person}]))
    call("hris.individuals.retrieve_many(options)", lambda: finch.hris.individuals.retrieve_many(
        requests=[{"individual_id": person}], options={"include": ["ssn"]}, entity_ids=[entity]))
    call("hris.employments.retrieve_many", lambda: finch.hris.employments.retrieve_many(requests=[{"individual_id": person}]))

    # Payroll
    payments = call("hris.payments.list", lambda: list(finch.hris.payments.list(start_date="2025-01-01", end_date="2025-12-31"))) or []
    payment = payments[0].id if payments else "none"
    call("hris.pay_statements.retrieve_many", lambda: list(finch.hris.pay_statements.retrieve_many(requests=[{"payment_id": payment}])))
    call("hris.pay_statements.retrieve_many(limit)", lambda: list(finch.hris.pay_statements.retrieve_many(
        requests=[{"payment_id": payment, "limit": 10, "offset": 0}])))
    items = finch.hris.pay_statement_item
    call("hris.pay_statement_item.list", lambda: list(items.list()))
    call("hris.pay_statement_item.list(filters)", lambda: list(items.list(
        categories=["earnings", "taxes"], name="Salary", type="base_compensation", start_date="2024-01-01", end_date="2025-12-31")))
    bare = call("rules.create", lambda: items.rules.create())
    rule = call("rules.create(all)", lambda: items.rules.create(
        conditions=[{"field": "name", "operator": "equals", "value": "Salary"}], attributes={"metadata": {"gl": "6000"}},
        effective_start_date="2024-01-01", effective_end_date="2026-01-01", entity_type="pay_statement_item"))
    call("rules.list", lambda: list(items.rules.list()))
    if rule is not None:
        call("rules.update", lambda: items.rules.update(rule.id))
        call("rules.update(optional_property)", lambda: items.rules.update(rule.id, optional_property="labels"))
    if bare is not None:
        call("rules.delete", lambda: items.rules.delete(bare.id))
    groups = call("payroll.pay_groups.list", lambda: list(finch.payroll.pay_groups.list())) or []
    call("payroll.pay_groups.list(filters)", lambda: list(finch.payroll.pay_groups.list(individual_id=person, pay_frequencies=["bi_weekly"])))
    if groups:
        call("payroll.pay_groups.retrieve", lambda: finch.payroll.pay_groups.retrieve(groups[0].id))

    # Benefits
    benefits = call("hris.benefits.list", lambda: list(finch.hris.benefits.list())) or []
    call("hris.benefits.list_supported_benefits", lambda: list(finch.hris.benefits.list_supported_benefits()))
    call("hris.benefits.create", lambda: finch.hris.benefits.create())
    call("hris.benefits.create(all)", lambda: finch.hris.benefits.create(
        type="401k", description="401(k)", frequency="every_paycheck",
        company_contribution={"type": "match", "tiers": [{"match": 5000, "threshold": 600}]}))
    call("hris.benefits.register", lambda: finch.hris.benefits.register(type="fsa_medical", description="FSA", frequency="monthly"))
    if benefits:
        benefit = benefits[0].benefit_id
        call("hris.benefits.retrieve", lambda: finch.hris.benefits.retrieve(benefit))
        call("hris.benefits.update", lambda: finch.hris.benefits.update(benefit))
        call("hris.benefits.update(description)", lambda: finch.hris.benefits.update(benefit, description="renamed"))
        enrolled = finch.hris.benefits.individuals
        call("individuals.enrolled_ids", lambda: enrolled.enrolled_ids(benefit))
        call("individuals.retrieve_many_benefits", lambda: list(enrolled.retrieve_many_benefits(benefit)))
        call("individuals.retrieve_many_benefits(ids)", lambda: list(enrolled.retrieve_many_benefits(benefit, individual_ids=person)))
        call("individuals.enroll_many", lambda: enrolled.enroll_many(benefit))
        call("individuals.enroll_many(all)", lambda: enrolled.enroll_many(benefit, individuals=[{"individual_id": person, "configuration": {
            "employee_deduction": {"type": "fixed", "amount": 10000}, "annual_maximum": None, "catch_up": False, "effective_date": "2025-01-01"}}]))
        call("individuals.unenroll_many", lambda: enrolled.unenroll_many(benefit))
        call("individuals.unenroll_many(ids)", lambda: enrolled.unenroll_many(benefit, individual_ids=[person]))

    # Documents, the beta listings through the generic client, jobs
    documents = call("hris.documents.list", lambda: finch.hris.documents.list())
    call("hris.documents.list(filters)", lambda: finch.hris.documents.list(individual_ids=[person], types=["w4_2020", "w4_2005"], limit=5, offset=0))
    if documents is not None and documents.documents:
        call("hris.documents.retreive", lambda: finch.hris.documents.retreive(documents.documents[0].id))
    plans = call("GET /employer/plans", lambda: finch.get("/employer/plans", cast_to=httpx.Response).json())
    if plans:
        call("GET /employer/plans/{plan_id}", lambda: finch.get(f"/employer/plans/{plans['plans'][0]['id']}", cast_to=httpx.Response))
    enrollments = call("GET /employer/plans-enrollments", lambda: finch.get("/employer/plans-enrollments", cast_to=httpx.Response).json())
    if enrollments:
        call("POST /employer/plans-enrollments", lambda: finch.post("/employer/plans-enrollments", cast_to=httpx.Response,
                                                                    body={"requests": [{"enrollment_id": enrollments["enrollments"][0]["id"]}]}))
    dependents = call("GET /employer/plans-dependents", lambda: finch.get("/employer/plans-dependents", cast_to=httpx.Response).json())
    if dependents:
        call("POST /employer/plans-dependents", lambda: finch.post("/employer/plans-dependents", cast_to=httpx.Response,
                                                                   body={"requests": [{"dependent_id": dependents["dependents"][0]["dependent_id"]}]}))
    call("POST /employer/ledger-items", lambda: finch.post("/employer/ledger-items", cast_to=httpx.Response, body={"requests": [{"payment_id": payment}]}))
    call("jobs.automated.list", lambda: finch.jobs.automated.list())
    job = call("jobs.automated.create", lambda: finch.jobs.automated.create(type="data_sync_all"))
    call("jobs.automated.create(w4)", lambda: finch.jobs.automated.create(type="w4_form_employee_sync", params={"individual_id": person}))
    if job is not None:
        call("jobs.automated.retrieve", lambda: finch.jobs.automated.retrieve(job.job_id))
    manual = call("enroll for a manual job", lambda: finch.hris.benefits.individuals.enroll_many(benefits[0].benefit_id) if benefits else None)
    if manual is not None:
        call("jobs.manual.retrieve", lambda: finch.jobs.manual.retrieve(manual.job_id))

    # Platform
    call("providers.list", lambda: list(app.providers.list()))
    call("account.introspect", lambda: finch.account.introspect())
    call("request_forwarding.forward", lambda: finch.request_forwarding.forward(method="GET", route="/people"))
    call("request_forwarding.forward(all)", lambda: finch.request_forwarding.forward(
        method="POST", route="/people", data='{"name": "x"}', params={"page": "1"}, request_headers={"x-page": "1"}))
    call("access_tokens.create", lambda: app.access_tokens.create(code=printed["authorization_code"][0]))
    call("access_tokens.create(redirect_uri)", lambda: app.access_tokens.create(code=printed["authorization_code"][1], redirect_uri="https://example.com/callback"))
    call("connect.sessions.new", lambda: app.connect.sessions.new(customer_id="c-1", customer_name="Acme", products=["company"]))
    call("connect.sessions.new(all)", lambda: app.connect.sessions.new(
        customer_id="c-2", customer_name="Acme", products=["company", "directory"], customer_email="hr@acme.example",
        integration={"auth_method": "assisted", "provider": "gusto"}, manual=False, minutes_to_expire=60,
        redirect_uri="https://example.com/callback", sandbox="finch"))
    call("connect.sessions.reauthenticate", lambda: app.connect.sessions.reauthenticate(connection_id=printed["connection_id"]))
    call("connect.sessions.reauthenticate(all)", lambda: app.connect.sessions.reauthenticate(
        connection_id=printed["connection_id"], minutes_to_expire=60, products=["company"], redirect_uri="https://example.com/callback"))

    # Sandbox
    call("sandbox.connections.create", lambda: app.sandbox.connections.create(provider_id="gusto"))
    call("sandbox.connections.create(all)", lambda: app.sandbox.connections.create(
        provider_id="gusto", authentication_type="api_token", employee_size=5, products=["company", "directory"]))
    call("sandbox.connections.accounts.create", lambda: app.sandbox.connections.accounts.create(company_id=printed["company_id"], provider_id="gusto"))
    call("sandbox.connections.accounts.create(all)", lambda: app.sandbox.connections.accounts.create(
        company_id=printed["company_id"], provider_id="gusto", authentication_type="credential", products=["company"]))
    call("sandbox.connections.accounts.update", lambda: finch.sandbox.connections.accounts.update())
    call("sandbox.connections.accounts.update(status)", lambda: finch.sandbox.connections.accounts.update(connection_status="connected"))
    call("sandbox.company.update", lambda: finch.sandbox.company.update(
        legal_name=None, entity=None, primary_email=None, primary_phone_number=None, departments=None, ein=None, locations=None, accounts=None))
    call("sandbox.directory.create", lambda: finch.sandbox.directory.create())
    call("sandbox.directory.create(body)", lambda: finch.sandbox.directory.create(body=[{
        "first_name": "Ada", "last_name": "Lovelace", "dob": "1990-12-10", "emails": [{"data": "ada@acme.example", "type": "work"}],
        "income": {"amount": 10000000, "currency": "usd", "unit": "yearly"}, "is_active": True}]))
    call("sandbox.individual.update", lambda: finch.sandbox.individual.update(person))
    call("sandbox.individual.update(fields)", lambda: finch.sandbox.individual.update(person, preferred_name="Ada", dob=None, emails=[]))
    call("sandbox.employment.update", lambda: finch.sandbox.employment.update(person))
    call("sandbox.employment.update(fields)", lambda: finch.sandbox.employment.update(person, title="CTO", class_code=None, custom_fields=[{"name": "badge", "value": 7}]))
    call("sandbox.payment.create", lambda: finch.sandbox.payment.create())
    call("sandbox.payment.create(all)", lambda: finch.sandbox.payment.create(start_date="2025-11-01", end_date="2025-11-15", pay_statements=[{
        "individual_id": person, "type": "regular_payroll", "payment_method": "direct_deposit", "total_hours": 80,
        "gross_pay": 500000, "net_pay": 400000, "earnings": [{"amount": 500000, "name": "Salary", "type": "salary", "hours": 80}],
        "taxes": [{"amount": 50000, "name": "FICA", "type": "fica", "employer": False}],
        "employee_deductions": [{"amount": 50000, "name": "401(k)", "pre_tax": True, "type": "401k"}],
        "employer_contributions": [{"amount": 25000, "name": "401(k) match", "type": "401k"}]}]))
    call("sandbox.jobs.create", lambda: finch.sandbox.jobs.create(type="data_sync_all"))
    call("sandbox.jobs.configuration.retrieve", lambda: finch.sandbox.jobs.configuration.retrieve())
    call("sandbox.jobs.configuration.update", lambda: finch.sandbox.jobs.configuration.update(completion_status="complete", type="data_sync_all"))

    # Last, as they end the connection's access.
    call("account.disconnect_entity", lambda: finch.account.disconnect_entity(entity_ids=[entity]))
    call("account.disconnect", lambda: finch.account.disconnect())

    process.kill()
    print(f"Python SDK against the stand-in: {calls} calls, {len(failures)} failure(s)")
    for failure in failures:
        print(f"FAIL {failure}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
