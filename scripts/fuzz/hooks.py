"""Schemathesis hooks for fuzzing Scout's API (see scripts/fuzz-api).

The document states every rule a request body must keep, but two kinds of
rule depend on data rather than shape, and a schema cannot say them:

* ids a body names (talents, search transactions, searches, roles) must
  exist in the caller's workspace, else the server answers
  `validation_error` at that path. A generated id never exists, so ids that
  are well-formed are replaced by ids of a fixture made here, through the
  API, before the run. Malformed ones (wrong type, blank, too long) are kept:
  the fuzzer's negative cases still reach the server as generated.
* a salary's `max` must not be below its `min`: the two are put in order.
* a profile written with `PUT /v1/talents/{talentId}` may name its id in
  the body only as the path does: a well-formed body id is set to the path's.

Path ids (and `job_id`) are pointed at the same fixture, so that
operations on one sourcing, candidate, list, search or lead run their
whole handler rather than stopping at `404` (except for DELETE, which
would take the fixture away from the operations that follow).
"""

import json
import os
import urllib.parse
import urllib.request

import schemathesis

BASE = os.environ["SCOUT_FUZZ_URL"].rstrip("/")
KEY = os.environ["SCOUT_FUZZ_KEY"]


def _call(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(
        BASE + path,
        data=data,
        method=method,
        headers={"x-api-key": KEY, "content-type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        text = response.read().decode()
    return text


def _fixture():
    found = json.loads(
        _call("POST", "/v1/search/talents", {"filters": [{"filterType": "SKILL", "value": "Python"}]})
    )["data"]
    talents = [t["id"] for t in found["talents"]] or ["missing"]
    sourcing = json.loads(_call("POST", "/v1/sourcings", {"title": "Fuzzing fixture"}))["data"]["sourcing"]["id"]
    added = json.loads(
        _call("POST", f"/v1/sourcings/{sourcing}/candidates", {"talentIds": talents[:1]})
    )["data"]
    first = added["candidates"][0]
    candidate = first.get("candidate", first)["id"]
    made = json.loads(_call("POST", "/v1/pools/candidates", {"name": "Fuzzing fixture"}))["data"]
    pool = made.get("list", made)["id"]
    stream = _call("POST", "/v1/searches/candidates/search", {"prompt": "Python developers", "limit": 3})
    search = None
    for line in stream.splitlines():
        if line.startswith("data:") and '"searchId"' in line:
            search = json.loads(line[5:])["searchId"]
            break
    boundary = "scoutfuzzfixture"
    cv = "Ann Lee\nann.lee@example.com\nBackend Engineer at Initech (2019 - present)\nSkills: Python\n"
    form = (
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"ann.txt\"\r\n"
        f"Content-Type: text/plain\r\n\r\n{cv}\r\n--{boundary}--\r\n"
    ).encode()
    request = urllib.request.Request(
        BASE + "/api/v1/sourcing/cvs",
        data=form,
        method="POST",
        headers={"x-api-key": KEY, "content-type": f"multipart/form-data; boundary={boundary}"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        lead = json.loads(response.read().decode())["data"]["results"][0]["leadId"]
    return {
        "lead": lead,
        "talents": talents,
        "transaction": found["searchTransactionId"],
        "sourcing": sourcing,
        "candidate": candidate,
        "list": pool,
        "search": search or "missing",
    }


FIXTURE = _fixture()


# the characters Rust's `str::trim` removes (Unicode White_Space); Python's
# `str.strip` also removes U+001C-U+001F, which the server keeps
RUST_BLANK = "\t\n\x0b\x0c\r \x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000"


def _well_formed_id(value, longest):
    return isinstance(value, str) and value.strip(RUST_BLANK) != "" and len(value) <= longest


def _map_body(body):
    if not isinstance(body, dict):
        return
    related = body.get("relatedSearchTransactionIds")
    if isinstance(related, list):
        body["relatedSearchTransactionIds"] = [
            FIXTURE["transaction"] if _well_formed_id(v, 10_000) else v for v in related
        ]
    if _well_formed_id(body.get("searchTransactionId"), 100):
        body["searchTransactionId"] = FIXTURE["transaction"]
    ids = body.get("talentIds")
    if isinstance(ids, list):
        talents = FIXTURE["talents"]
        body["talentIds"] = [
            talents[i % len(talents)] if _well_formed_id(v, 200) else v for i, v in enumerate(ids)
        ]
    if _well_formed_id(body.get("candidateSearchId"), 100):
        body["candidateSearchId"] = FIXTURE["search"]
    if _well_formed_id(body.get("roleId"), 100):
        body["roleId"] = FIXTURE["sourcing"]
    salary = body.get("salary")
    if isinstance(salary, dict):
        low, high = salary.get("min"), salary.get("max")
        numbers = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (low, high))
        if numbers and low > high:
            salary["min"], salary["max"] = high, low


@schemathesis.serializer("application/x-ndjson")
def _ndjson(ctx, value):
    # JSON Lines: the schema's array is the file's lines, one object each
    if isinstance(value, list):
        return "\n".join(json.dumps(v) for v in value).encode()
    return json.dumps(value).encode()


@schemathesis.serializer("text/csv")
def _csv(ctx, value):
    return (value if isinstance(value, str) else json.dumps(value)).encode()


@schemathesis.serializer("application/zip")
def _zip(ctx, value):
    if isinstance(value, bytes):
        return value
    return (value if isinstance(value, str) else json.dumps(value)).encode()


PATH_IDS = {
    "sourcingId": "sourcing",
    "roleId": "sourcing",
    "candidateId": "candidate",
    "listId": "list",
    "candidateSearchId": "search",
    "leadId": "lead",
}


@schemathesis.hook
def before_call(ctx, case, **kwargs):
    # every phase (examples, coverage, fuzzing, stateful) goes through here;
    # schemathesis re-checks the edited case against the schema afterwards
    _map_body(case.body)
    query = case.query
    if query and _well_formed_id(query.get("job_id"), 10_000):
        query["job_id"] = FIXTURE["sourcing"]
    parameters = case.path_parameters
    body = case.body
    if (
        parameters
        and isinstance(body, dict)
        and _well_formed_id(parameters.get("talentId"), 10_000)
        and _well_formed_id(body.get("id"), 10_000)
    ):
        # the path's value reaches the hook percent-encoded; the server
        # compares the body's id with it decoded
        body["id"] = urllib.parse.unquote(parameters["talentId"])
    if parameters and case.method.upper() != "DELETE":
        for name, which in PATH_IDS.items():
            if _well_formed_id(parameters.get(name), 10_000):
                parameters[name] = FIXTURE[which]
