"""schemathesis against the stand-in binary: requests it makes from Finch's spec must be accepted.

    python3 tools/interop/schemathesis_positive.py target/debug/finch-stand-in \
        ../shared/reference/finch-openapi.json [path/to/schemathesis]

Another client than finch and the official SDKs: schemathesis (pinned in
`requirements-schemathesis.txt`) reads the spec and sends each operation its examples and its
coverage cases (boundaries, every enum value, optional members left out and given, headers the
operation does not declare left out), all of them valid by the schema. Its checks
`positive_data_acceptance` and `not_a_server_error` fail on any answer to them but a 2xx, or a
401, 403, 404, 409 or 429 (a request naming something that does not exist). Only the
deterministic phases run (no random fuzzing), with a fixed seed, so a failure replays.

Operations left out, each for a reason of its own:
* `POST /disconnect`, `POST /disconnect-entity`, `PUT /sandbox/connections/accounts`: they end
  the connection or change its status, which spoils every request after them in one run (the
  conformance command sends them, each request on a stand-in of its own);
* `POST /auth/token`: a code is accepted once, and schemathesis has no code but the spec's;
* the Basic-auth operations (`/connect/sessions*`, `POST /sandbox/connections*`): their
  coverage cases name no provider, product or connection the stand-in has (400s, as at Finch);
* `POST /employer/benefits` and `POST /employer/benefits/register`: a benefit type or company
  match the provider does not offer is the spec's own 422 "unsupported parameters".
"""

import subprocess
import sys

from stand_in import start

LEFT_OUT = (
    r"^/disconnect|^/connect/|^/sandbox/connections|^/auth/token$"
    r"|^/employer/benefits(/register)?$"
)




def main():
    binary, spec = sys.argv[1], sys.argv[2]
    schemathesis = sys.argv[3] if len(sys.argv) > 3 else "schemathesis"
    process, printed = start(binary, "--job-refreshes", "100000")
    try:
        run = subprocess.run(
            [
                schemathesis, "run", spec,
                "--url", printed["base_url"],
                "--header", f"Authorization: Bearer {printed['access_token']}",
                "--exclude-path-regex", LEFT_OUT,
                "--mode", "positive",
                "--phases", "examples,coverage",
                "--checks", "positive_data_acceptance,not_a_server_error",
                "--seed", "20200917",
                "--no-color",
            ],
            check=False,
        )
    finally:
        process.kill()
        process.wait()
    sys.exit(run.returncode)


if __name__ == "__main__":
    main()
